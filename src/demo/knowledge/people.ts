import type { Random } from "../random.ts";

const FIRST = [
  "Alicia",
  "Brandon",
  "Chloe",
  "Darius",
  "Erin",
  "Felipe",
  "Gwen",
  "Harold",
  "Ines",
  "Jamal",
  "Kendra",
  "Logan",
  "Marisol",
  "Neil",
  "Odette",
  "Pavel",
  "Renee",
  "Stefan",
  "Tara",
  "Vikram",
  "Whitney",
  "Xavier",
  "Yolanda",
  "Zach",
];
const LAST = [
  "Abernathy",
  "Bishop",
  "Castillo",
  "Dorsey",
  "Ellison",
  "Fontaine",
  "Gallagher",
  "Holloway",
  "Ingram",
  "Jensen",
  "Kerr",
  "Lindqvist",
  "Mahoney",
  "Novak",
  "Ortega",
  "Prescott",
  "Ramsey",
  "Sandoval",
  "Thornton",
  "Underwood",
  "Whitfield",
];

/** Someone who signs an agreement or owns a procedure. */
export function signerName(random: Random): string {
  return `${random.pick(FIRST)} ${random.pick(LAST)}`;
}
