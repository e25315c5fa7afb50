import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { formatCount } from "../format/format.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { uploadFile } from "./document-queries.ts";

/**
 * Sends a file in (a PDF, a scan, an email, plain text) and says what became of it: stored and
 * being read, or the same bytes as a file that came in before (not read again).
 */
export function UploadDocument() {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: uploadFile,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["documents"] });
    },
  });
  const received = upload.data;
  return (
    <div className="doc-upload">
      <label className="button button--primary doc-upload__button">
        {upload.isPending ? "Uploading…" : "Upload a document"}
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.eml,.txt,application/pdf,image/*,message/rfc822,text/plain"
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) upload.mutate(file);
            // The same file may be chosen again (to see it told as a duplicate).
            event.target.value = "";
          }}
        />
      </label>
      <div aria-live="polite" data-testid="upload-result">
        <ErrorBanner error={upload.error} title="Not uploaded" />
        {received ? (
          received.duplicate ? (
            <p className="banner banner--warn">
              <strong>{received.file.name}</strong> has the same content as a file received before; it is not read again
              {received.file.document_ids.length > 0
                ? ` (it gave ${formatCount(received.file.document_ids.length)} ${received.file.document_ids.length === 1 ? "document" : "documents"})`
                : ""}
              .
            </p>
          ) : (
            <p className="banner banner--good">
              <strong>{received.file.name}</strong> received ({formatCount(received.file.size)} bytes); it is being read and will
              appear in the lists in a moment.
            </p>
          )
        ) : null}
      </div>
    </div>
  );
}
