import { useCan } from "../session/me.ts";

/** Opens a source's settings for a change, on its page; shown to those who may change sources (ingest:admin). */
export function ChangeSettingsButton({ onClick }: { onClick: () => void }) {
  const can = useCan();
  if (!can("ingest:admin")) return null;
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onClick}>
        Change its settings
      </button>
    </div>
  );
}
