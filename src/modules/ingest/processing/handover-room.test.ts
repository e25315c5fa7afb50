import { describe, expect, it } from "vitest";
import { HANDOVER_ROOM, HandOverRoom } from "./handover-room.ts";

describe("the room for hand-overs", () => {
  it("stops hand-overs once full, until the table is caught up, and both threads see it", () => {
    const webhooks = new HandOverRoom();
    const processor = new HandOverRoom(webhooks.buffer);
    for (let n = 0; n < HANDOVER_ROOM; n++) {
      expect(webhooks.hasRoom()).toBe(true);
      webhooks.added();
    }
    expect(processor.outstanding).toBe(HANDOVER_ROOM);
    expect(webhooks.hasRoom()).toBe(false);
    expect(processor.fromTable).toBe(true);
    // Taking some makes room, but hand-overs wait for the table, where later webhooks went.
    processor.taken(500);
    expect(webhooks.hasRoom()).toBe(false);
    processor.taken(HANDOVER_ROOM - 500);
    processor.caughtUp();
    expect(webhooks.hasRoom()).toBe(true);
  });

  it("starts from the table when the processor is lost with what it held", () => {
    const room = new HandOverRoom();
    room.added();
    room.added();
    room.lost();
    expect(room.outstanding).toBe(0);
    expect(room.hasRoom()).toBe(false);
    room.caughtUp();
    expect(room.hasRoom()).toBe(true);
  });
});
