import type { ReadyMapping } from "./ready-mapping.ts";

/** A carrier feed's status codes; a code not here is a problem (add it, then replay), never a guess. */
const CARRIER_STATUSES = {
  LC: "planned",
  PU: "picked_up",
  IT: "in_transit",
  AR: "in_transit",
  DP: "in_transit",
  OD: "out_for_delivery",
  OFD: "out_for_delivery",
  DL: "delivered",
  DY: "delayed",
  EX: "exception",
  RS: "returned",
  RT: "returned",
  CA: "cancelled",
};

/**
 * One tracking event from a carrier (or a tracking aggregator) webhook. The records module keeps
 * tracking events inside their shipment, so the event is written as the carrier's view of the
 * shipment (keyed by tracking number) carrying this event, merged into the shipment stored (`merge`):
 * the events before it are kept, and fields this event leaves empty keep their values.
 */
export const carrierTrackingEvent: ReadyMapping = {
  title: "Carrier tracking event",
  description:
    "A carrier tracking webhook (tracking number, status code, event time, location, estimated delivery) as a tracking event on the carrier's shipment.",
  spec: {
    version: 1,
    description: "Carrier tracking webhook → shipment (by tracking number) with the event as a tracking event.",
    source_system: "carrier",
    records: [
      {
        type: "shipment",
        name: "tracked shipment",
        merge: true,
        fields: {
          external_id: { path: "tracking_number", trim: true },
          shipment_number: { first: ["reference", "tracking_number"] },
          // The carrier does not say which way the goods go: parcel tracking is mostly deliveries
          // to customers. A source that tracks supplier deliveries sets "inbound" here.
          direction: { const: "outbound" },
          status: { path: "status_code", trim: true, map: { values: CARRIER_STATUSES, ignore_case: true } },
          carrier: "carrier",
          service_level: "service",
          tracking_number: { path: "tracking_number", trim: true },
          ship_date: { path: "pickup_date", datetime: { format: "YYYYMMDD" } },
          estimated_delivery_at: { path: "estimated_delivery", datetime: { format: "iso" } },
          delivered_at: {
            path: "event_time",
            datetime: { format: "epoch_seconds" },
            when: { path: "status_code", equals: "DL" },
          },
        },
        attributes: { carrier_event_id: "event_id", signed_by: "signed_by" },
        collections: {
          tracking_events: {
            each: "$",
            fields: {
              occurred_at: { path: "event_time", datetime: { format: "epoch_seconds" } },
              status: { path: "status_code", trim: true, map: { values: CARRIER_STATUSES, ignore_case: true } },
              code: { path: "status_code", trim: true },
              description: "status_description",
              city: "location.city",
              region: "location.state",
              country: { path: "location.country", trim: true, case: "upper" },
              estimated_delivery_at: { path: "estimated_delivery", datetime: { format: "iso" } },
            },
            attributes: { event_id: "event_id", postal_code: "location.postal_code" },
          },
        },
      },
    ],
  },
  example: {
    event_id: "trk_01HXZ4Q8M2K7",
    carrier: "UPS",
    tracking_number: "1Z84V3E20396581427",
    reference: "SHP-20240514-0039",
    service: "UPS Ground",
    status_code: "IT",
    status_description: "Departed from facility",
    event_time: 1715805480,
    location: { city: "Chattanooga", state: "TN", country: "US", postal_code: "37421" },
    pickup_date: "20240514",
    estimated_delivery: "2024-05-17T20:00:00-04:00",
    signed_by: null,
  },
};
