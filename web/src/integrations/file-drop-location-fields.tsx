import { useId } from "react";
import { FieldError, type FieldErrors, invalidProps } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import type { FileDropDraft } from "./file-drop-draft.ts";

type Setter = <K extends keyof FileDropDraft>(key: K) => (value: FileDropDraft[K]) => void;

/** Where a drop's files are: a folder on this server, or a folder on an SFTP server with its sign-in. */
export function FileDropLocationFields({
  draft,
  errors,
  set,
  keepsSecret = false,
}: {
  draft: FileDropDraft;
  errors: FieldErrors;
  set: Setter;
  /** A drop being changed: a password or key left empty keeps the one sealed before. */
  keepsSecret?: boolean;
}) {
  const sealed = keepsSecret ? "Kept sealed; never shown. Left empty, the one kept is used." : "Kept sealed; never shown again.";
  const keyErrorId = useId();
  return (
    <fieldset className="source-form__fields" data-testid="file-drop-location">
      <legend className="field__label">Where the files are dropped</legend>
      <div className="mapping-editor__modes">
        <label className="checkbox">
          <input type="radio" name="location" checked={draft.location === "folder"} onChange={() => set("location")("folder")} />
          <span>A folder on this server</span>
        </label>
        <label className="checkbox">
          <input type="radio" name="location" checked={draft.location === "sftp"} onChange={() => set("location")("sftp")} />
          <span>An SFTP server</span>
        </label>
      </div>
      {draft.location === "folder" ? (
        <TextField
          label="Folder (optional)"
          path="location.folder"
          errors={errors}
          autoComplete="off"
          placeholder={draft.name.trim() || "the drop's name"}
          hint="A path under the tenant's folder of the drops root, e.g. erp/items. Left empty, the drop's name."
          value={draft.folder}
          onValue={set("folder")}
        />
      ) : (
        <>
          <TextField
            label="Host"
            path="location.host"
            errors={errors}
            required
            autoComplete="off"
            value={draft.host}
            onValue={set("host")}
          />
          <TextField
            label="Port"
            path="location.port"
            errors={errors}
            inputMode="numeric"
            value={draft.port}
            onValue={set("port")}
          />
          <TextField
            label="User name"
            path="location.username"
            errors={errors}
            required
            autoComplete="off"
            value={draft.username}
            onValue={set("username")}
          />
          <fieldset className="checkbox-list">
            <legend className="field__label">Signs in with</legend>
            <label className="checkbox">
              <input type="radio" name="sftp-auth" checked={draft.auth === "password"} onChange={() => set("auth")("password")} />
              <span>A password</span>
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="sftp-auth"
                checked={draft.auth === "private_key"}
                onChange={() => set("auth")("private_key")}
              />
              <span>A private key</span>
            </label>
          </fieldset>
          {draft.auth === "password" ? (
            <TextField
              label="Password"
              path="location.password"
              errors={errors}
              type="password"
              autoComplete="new-password"
              hint={sealed}
              value={draft.password}
              onValue={set("password")}
            />
          ) : (
            <>
              <label className="field">
                <span className="field__label">Private key</span>
                <textarea
                  rows={6}
                  className="mono"
                  value={draft.privateKey}
                  placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
                  onChange={(event) => set("privateKey")(event.target.value)}
                  {...invalidProps(keyErrorId, errors.at("location.private_key"))}
                />
                <span className="field__hint">OpenSSH or PEM text. {sealed}</span>
                <FieldError id={keyErrorId} message={errors.at("location.private_key")} />
              </label>
              <TextField
                label="Passphrase (optional)"
                path="location.passphrase"
                errors={errors}
                type="password"
                autoComplete="new-password"
                value={draft.passphrase}
                onValue={set("passphrase")}
              />
            </>
          )}
          <TextField
            label="Remote folder (optional)"
            path="location.folder"
            errors={errors}
            autoComplete="off"
            placeholder="."
            hint="Where files are dropped on the server; processed/ and failed/ are made inside it."
            value={draft.remoteFolder}
            onValue={set("remoteFolder")}
          />
          <TextField
            label="Host key fingerprint (optional)"
            path="location.host_fingerprint"
            errors={errors}
            autoComplete="off"
            placeholder="SHA256:…"
            hint="As ssh-keygen -lf prints it: a server showing any other key is refused."
            value={draft.fingerprint}
            onValue={set("fingerprint")}
          />
        </>
      )}
    </fieldset>
  );
}
