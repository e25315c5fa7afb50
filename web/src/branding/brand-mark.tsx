import { useBranding } from "./use-branding.tsx";

/** The tenant's logo and product name, as the header of the sidebar and the sign-in card. */
export function BrandMark({ size = "normal" }: { size?: "normal" | "large" }) {
  const branding = useBranding();
  return (
    <span className={`brand-mark brand-mark--${size}`}>
      {branding.logo ? <img src={branding.logo} alt="" className="brand-mark__logo" /> : null}
      <span className="brand-mark__name" data-testid="product-name">
        {branding.product_name}
      </span>
    </span>
  );
}
