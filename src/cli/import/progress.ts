import cliProgress from "cli-progress";

export type Progress = { update(bytes: number, rows: number): void; stop(): void };

const NO_PROGRESS: Progress = { update: () => undefined, stop: () => undefined };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/**
 * A progress bar on stderr: bytes of the file read, rows read and rows per second. Only on a
 * terminal: piped or redirected stderr, and `--json`, get none.
 */
export function createProgress(options: {
  enabled: boolean;
  totalBytes: number;
  label: string;
  stream?: NodeJS.WriteStream;
}): Progress {
  const stream = options.stream ?? process.stderr;
  if (!options.enabled || !stream.isTTY) return NO_PROGRESS;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${options.label} {bar} {percentage}% | {read} of {size} | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const total = Math.max(options.totalBytes, 1);
  const size = megabytes(options.totalBytes);
  bar.start(total, 0, { read: megabytes(0), size, rows: "0", rate: "0" });
  let lastRows = 0;
  return {
    update(bytes, rows) {
      // Rows come faster than a terminal redraws; every few hundred is plenty.
      if (rows - lastRows < 250 && bytes < total) return;
      lastRows = rows;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(Math.min(bytes, total), {
        read: megabytes(bytes),
        size,
        rows: rows.toLocaleString("en-US"),
        rate: Math.round(rows / seconds).toLocaleString("en-US"),
      });
    },
    stop() {
      bar.stop();
    },
  };
}
