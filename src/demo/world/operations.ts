import type { Random } from "../random.ts";
import type { DemandSeries } from "../world.ts";
import { isWeekend, weekday } from "./calendar.ts";
import { type DemandProfile, demandOn } from "./demand.ts";
import type { DemoCustomer, DemoSupplier } from "./parties.ts";

/** A line a customer bought: what was sold (never more than was on hand), in sales units. */
export type SaleLine = {
  day: number;
  locationExternalId: string;
  itemExternalId: string;
  quantity: number;
  customerExternalId: string;
};

/** A purchase order the replenishment policy placed, and what really happened to it. */
export type PlacedOrder = {
  supplierExternalId: string;
  locationExternalId: string;
  orderDay: number;
  /** The day the supplier's quoted lead time promises. */
  promisedDay: number;
  /** The day it really arrives (maybe after the end of the history: still in transit). */
  arrivalDay: number;
  lateReason: string | undefined;
  /** Ordered, and received on arrival (a few lines arrive short); in sales units. */
  lines: { itemExternalId: string; quantity: number; received: number }[];
};

/** Where each item stood at each warehouse when the history ends. */
export type EndState = {
  profile: DemandProfile;
  opening: number;
  onHand: number;
  reorderPoint: number;
  safetyStock: number;
  onOrder: number;
};

export type Operations = { sales: SaleLine[]; orders: PlacedOrder[]; series: DemandSeries[]; endStates: EndState[] };

type SeriesState = {
  profile: DemandProfile;
  random: Random;
  supplier: DemoSupplier;
  onHand: number;
  onOrder: number;
  reorderPoint: number;
  orderQuantity: number;
  safetyStock: number;
  opening: number;
  truth: DemandSeries;
};

/**
 * Runs the business day by day: demand arrives, what is on hand is sold (a stockout loses the
 * rest, censoring demand), and each warehouse reorders from the item's supplier when stock falls
 * to its reorder point; orders arrive after the supplier's real, sometimes late, lead time.
 */
export function runOperations(
  random: Random,
  days: string[],
  profiles: DemandProfile[],
  suppliers: Map<string, DemoSupplier>,
  customers: DemoCustomer[],
): Operations {
  const states = profiles.map((profile): SeriesState => {
    const supplier = suppliers.get(profile.item.supplierExternalId) as DemoSupplier;
    const daily = profile.occurrence * profile.size * 0.8;
    const sd = Math.sqrt(profile.occurrence * profile.size * profile.size * (1 + 1 / profile.dispersion)) * 0.9;
    // Working days until a reorder arrives: the lead time plus up to two weeks' wait for the supplier's order day.
    const lead = supplier.leadTimeDays * (5 / 7) + 10;
    // Buyers keep modest safety stock, so some items run out, more often with unreliable suppliers.
    const z = 0.4 + random.next() * 1.2;
    const safetyStock = Math.ceil(z * sd * Math.sqrt(lead + 1));
    const reorderPoint = Math.ceil(daily * (lead + 1) + safetyStock);
    const orderQuantity = Math.max(2, Math.ceil(daily * (20 + random.next() * 25)));
    const opening = reorderPoint + Math.ceil(orderQuantity / 2);
    return {
      profile,
      random: random.fork(`${profile.item.externalId}@${profile.locationExternalId}`),
      supplier,
      onHand: opening,
      onOrder: 0,
      reorderPoint,
      orderQuantity,
      safetyStock,
      opening,
      truth: {
        itemExternalId: profile.item.externalId,
        locationExternalId: profile.locationExternalId,
        pattern: profile.pattern,
        demand: new Array(days.length).fill(0),
        sold: new Array(days.length).fill(0),
        promotedDays: [],
        stockoutDays: [],
      },
    };
  });
  const buyers = customerPicker(random.fork("buyers"), customers, days);
  const sales: SaleLine[] = [];
  const orders: PlacedOrder[] = [];
  const arrivals = new Map<number, { order: PlacedOrder; states: SeriesState[] }[]>();
  const leadTimes = random.fork("lead-times");
  const receiving = random.fork("receiving");

  days.forEach((day, index) => {
    for (const arrival of arrivals.get(index) ?? []) {
      arrival.order.lines.forEach((line, i) => {
        const state = arrival.states[i] as SeriesState;
        if (receiving.chance(0.04)) line.received = Math.floor(line.quantity * (0.6 + receiving.next() * 0.3));
        state.onHand += line.received;
        state.onOrder -= line.quantity;
      });
    }
    arrivals.delete(index);
    const placedToday = new Map<string, { order: PlacedOrder; states: SeriesState[] }>();
    for (const state of states) {
      const { demand, promoted } = demandOn(state.profile, state.random, day, index);
      const pack = state.profile.item.packing.packSize;
      if (promoted) state.truth.promotedDays.push(index);
      if (demand > 0) {
        const sold = Math.min(demand, state.onHand);
        state.onHand -= sold;
        state.truth.demand[index] = demand * pack;
        state.truth.sold[index] = sold * pack;
        if (sold < demand) state.truth.stockoutDays.push(index);
        for (const [customerExternalId, quantity] of buyers.split(state.profile.locationExternalId, index, sold)) {
          sales.push({
            day: index,
            locationExternalId: state.profile.locationExternalId,
            itemExternalId: state.profile.item.externalId,
            quantity,
            customerExternalId,
          });
        }
      } else if (state.onHand === 0 && index >= state.profile.activeFrom && index < state.profile.activeTo && !isWeekend(day)) {
        state.truth.stockoutDays.push(index);
      }
      // Buyers order from each supplier every other week, on that supplier's day.
      // A discontinued item stops being reordered a month before it goes.
      const active = state.profile.activeTo >= days.length || index < state.profile.activeTo - 30;
      const orderDay =
        weekday(day) === state.supplier.orderWeekday && Math.floor(index / 7) % 2 === state.supplier.orderWeekday % 2;
      if (!active || !orderDay || state.onHand + state.onOrder > state.reorderPoint) continue;
      const wanted = Math.max(state.orderQuantity, state.reorderPoint - state.onHand - state.onOrder + state.orderQuantity);
      // The supplier's minimum and multiple per line, in the unit ordered.
      const { minimumLineQuantity, orderMultiple } = state.supplier;
      const quantity = Math.max(minimumLineQuantity, Math.ceil(wanted / orderMultiple) * orderMultiple);
      state.onOrder += quantity;
      const key = `${state.supplier.externalId}@${state.profile.locationExternalId}`;
      let placed = placedToday.get(key);
      if (!placed) {
        placed = {
          order: placeOrder(leadTimes, state.supplier, state.profile.locationExternalId, index, days.length),
          states: [],
        };
        placedToday.set(key, placed);
        orders.push(placed.order);
        const list = arrivals.get(placed.order.arrivalDay) ?? [];
        list.push(placed);
        arrivals.set(placed.order.arrivalDay, list);
      }
      placed.order.lines.push({ itemExternalId: state.profile.item.externalId, quantity, received: quantity });
      placed.states.push(state);
    }
  });
  const endStates = states.map((state) => ({
    profile: state.profile,
    opening: state.opening,
    onHand: state.onHand,
    reorderPoint: state.reorderPoint,
    safetyStock: state.safetyStock,
    onOrder: state.onOrder,
  }));
  return { sales, orders, series: states.map((state) => state.truth), endStates };
}

function placeOrder(
  random: Random,
  supplier: DemoSupplier,
  locationExternalId: string,
  orderDay: number,
  horizon: number,
): PlacedOrder {
  // Lead times are in calendar days. Suppliers quote a lead time they usually beat: most orders arrive by the promise.
  let actual = Math.max(1, Math.round(random.normal(supplier.leadTimeDays - supplier.spreadDays, supplier.spreadDays)));
  let lateReason: string | undefined;
  // The weeks before the history ends are a disrupted season, so the inbound shipments still open then include late ones.
  const disrupted = orderDay + supplier.leadTimeDays >= horizon - 3 && random.chance(0.35);
  if (disrupted || (supplier.unreliable && random.chance(0.12))) {
    actual += random.int(5, 20);
    lateReason = random.pick(["supplier backorder", "missed carrier pickup", "production delay", "port congestion"]);
  } else if (random.chance(0.04)) {
    actual += random.int(2, 6);
    lateReason = random.pick(["weather delay", "carrier network delay", "address correction"]);
  }
  const promisedDay = orderDay + supplier.leadTimeDays;
  const arrivalDay = orderDay + actual;
  return {
    supplierExternalId: supplier.externalId,
    locationExternalId,
    orderDay,
    promisedDay,
    arrivalDay,
    lateReason: arrivalDay > promisedDay ? (lateReason ?? "longer transit than quoted") : undefined,
    lines: [],
  };
}

/**
 * Who buys: each customer orders on some days (big ones more often), so an order gathers several
 * lines; a deteriorating customer orders ever less after its turning point.
 */
function customerPicker(random: Random, customers: DemoCustomer[], days: string[]) {
  const byLocation = new Map<string, DemoCustomer[]>();
  for (const customer of customers) {
    const list = byLocation.get(customer.locationExternalId) ?? [];
    list.push(customer);
    byLocation.set(customer.locationExternalId, list);
  }
  const declineFrom = new Map(
    customers.filter((c) => c.deterioratingSince).map((c) => [c.externalId, days.indexOf(c.deterioratingSince as string)]),
  );
  let today = -1;
  const ordering = new Map<string, { customers: DemoCustomer[]; weights: number[] }>();
  const weightOn = (customer: DemoCustomer, index: number) => {
    const from = declineFrom.get(customer.externalId);
    if (from === undefined || from < 0 || index < from) return customer.weight;
    return customer.weight * Math.max(0.1, 1 - (index - from) / 120);
  };
  return {
    split(locationExternalId: string, index: number, quantity: number): [string, number][] {
      if (quantity <= 0) return [];
      if (index !== today) {
        today = index;
        ordering.clear();
        for (const [location, list] of byLocation) {
          const chosen = list.filter((customer) => random.chance(Math.min(0.9, 0.015 + 0.03 * weightOn(customer, index))));
          const pool = chosen.length > 0 ? chosen : list;
          ordering.set(location, { customers: pool, weights: pool.map((customer) => weightOn(customer, index)) });
        }
      }
      const pool = ordering.get(locationExternalId);
      if (!pool) return [];
      // Larger quantities are usually several customers' orders.
      const parts = Math.min(quantity, 1 + (quantity > 8 ? random.poisson(Math.sqrt(quantity) / 3) : 0));
      const shares = new Map<string, number>();
      let left = quantity;
      for (let part = 0; part < parts; part++) {
        const customer = random.weighted(pool.customers, pool.weights);
        const take = part === parts - 1 ? left : Math.min(left, Math.max(1, Math.round(quantity / parts)));
        shares.set(customer.externalId, (shares.get(customer.externalId) ?? 0) + take);
        left -= take;
        if (left <= 0) break;
      }
      return [...shares];
    },
  };
}
