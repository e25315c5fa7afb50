import type { MailMessage } from "../../../platform/mail/mailer.ts";
import type { EffectiveBranding } from "../contract/index.ts";

export type InvitationEmailInput = {
  branding: EffectiveBranding;
  to: { email: string; name: string };
  tenantName: string;
  /** Who invited them, when a person did (an API key is not named). */
  inviter: string | undefined;
  link: string;
  /** The absolute URL of the tenant's logo, when it has one. */
  logoUrl: string | null;
  expiresAt: string;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] as string);

const readableTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The support contact lines the tenant's branding gives, if any. */
function supportLines(branding: EffectiveBranding): { label: string; value: string; href: string }[] {
  const lines = [];
  if (branding.support_email)
    lines.push({ label: "Email", value: branding.support_email, href: `mailto:${branding.support_email}` });
  if (branding.support_url) lines.push({ label: "Web", value: branding.support_url, href: branding.support_url });
  if (branding.support_phone)
    lines.push({ label: "Phone", value: branding.support_phone, href: `tel:${branding.support_phone.replace(/[^+\d]/g, "")}` });
  return lines;
}

/**
 * The invitation email, in the tenant's effective branding: sent in the branded sender name, the
 * product name in the subject and body, the primary colour on the header and button, the logo
 * when there is one, and the support contact in the footer. Nothing in it names Crossdock unless
 * the branding does.
 */
export function invitationEmail(input: InvitationEmailInput): Omit<MailMessage, "to"> {
  const { branding } = input;
  const product = branding.product_name;
  const invitedBy = input.inviter ? `${input.inviter} has invited you` : "You have been invited";
  const intro = `${invitedBy} to ${product} for ${input.tenantName}.`;
  const expiry = `The link works once and expires at ${readableTime(input.expiresAt)}.`;
  const support = supportLines(branding);

  const text = [
    `Hello ${input.to.name},`,
    "",
    intro,
    "",
    "Choose your password to sign in:",
    input.link,
    "",
    expiry,
    "If you did not expect this invitation, you can ignore this email.",
    "",
    "--",
    product,
    ...(support.length > 0 ? ["Need help?", ...support.map((line) => `${line.label}: ${line.value}`)] : []),
    "",
  ].join("\n");

  const color = escapeHtml(branding.primary_color);
  const header = input.logoUrl
    ? `<img src="${escapeHtml(input.logoUrl)}" alt="${escapeHtml(product)}" height="40" style="display:block;max-height:40px;border:0">`
    : `<span style="font-size:20px;font-weight:bold;color:#ffffff">${escapeHtml(product)}</span>`;
  const footer =
    support.length > 0
      ? `<p style="margin:0 0 4px">Need help? ${support
          .map((line) => `${line.label}: <a href="${escapeHtml(line.href)}" style="color:${color}">${escapeHtml(line.value)}</a>`)
          .join(" &middot; ")}</p>`
      : "";
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(product)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d2433">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0">
<tr><td align="center">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;width:100%;background:#ffffff;border-radius:6px;overflow:hidden">
<tr><td style="background:${color};padding:16px 24px">${header}</td></tr>
<tr><td style="padding:24px;font-size:15px;line-height:1.5">
<p style="margin:0 0 16px">Hello ${escapeHtml(input.to.name)},</p>
<p style="margin:0 0 24px">${escapeHtml(intro)}</p>
<p style="margin:0 0 24px"><a href="${escapeHtml(input.link)}" style="display:inline-block;background:${color};color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:4px">Choose your password</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#5b6475">Or open this link: <a href="${escapeHtml(input.link)}" style="color:${color};word-break:break-all">${escapeHtml(input.link)}</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#5b6475">${escapeHtml(expiry)} If you did not expect this invitation, you can ignore this email.</p>
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e3e6eb;font-size:12px;color:#5b6475">
<p style="margin:0 0 4px;font-weight:bold">${escapeHtml(product)}</p>
${footer}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return {
    fromName: branding.email_from_name,
    subject: `You're invited to ${product} for ${input.tenantName}`,
    text,
    html,
  };
}
