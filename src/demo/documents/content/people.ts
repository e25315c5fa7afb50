import type { Random } from "../../random.ts";

const FIRST_NAMES = [
  "Alicia",
  "Brandon",
  "Carmen",
  "Darnell",
  "Erin",
  "Felipe",
  "Gina",
  "Harold",
  "Irene",
  "Jamal",
  "Kristen",
  "Leon",
  "Monica",
  "Neil",
  "Patricia",
  "Raymond",
  "Sandra",
  "Terrence",
  "Valerie",
  "Wesley",
  "Yolanda",
  "Zach",
];
const LAST_NAMES = [
  "Anderson",
  "Becker",
  "Castillo",
  "Dawson",
  "Edwards",
  "Foster",
  "Gallagher",
  "Hoffman",
  "Jensen",
  "Kaplan",
  "Lindqvist",
  "Morales",
  "Novak",
  "O'Brien",
  "Pham",
  "Richter",
  "Sullivan",
  "Thompson",
  "Underwood",
  "Whitfield",
];

/** A person's name: a customer's buyer, a clerk, the one who signed for a delivery. */
export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** A name as a driver writes it on a delivery receipt: sometimes just an initial and a surname. */
export function receiverName(random: Random): string {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return random.chance(0.3) ? `${first.charAt(0)}. ${last}` : `${first} ${last}`;
}
