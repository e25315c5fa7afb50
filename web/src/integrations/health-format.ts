import type { BadgeTone } from "../ui/badge.tsx";

/** A duration as people say it: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** A share as a percentage: "0%", "<0.1%", "2.5%", "100%". */
export function formatRate(share: number): string {
  if (share <= 0) return "0%";
  if (share < 0.001) return "<0.1%";
  const percent = share * 100;
  return `${percent >= 10 || Number.isInteger(percent) ? Math.round(percent) : percent.toFixed(1)}%`;
}

/** How worrying the day's error rate is: none is good, a little is a warning, more than 5% is bad. */
export const errorRateTone = (share: number): BadgeTone => (share <= 0 ? "good" : share <= 0.05 ? "warn" : "bad");

/** A backlog that waits more than a minute is late; more than ten is stuck (or the source is paused). */
export const lagTone = (seconds: number): BadgeTone => (seconds <= 60 ? "neutral" : seconds <= 600 ? "warn" : "bad");
