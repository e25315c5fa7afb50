/** `npm run bench -- NAME`: runs bench/NAME.ts, which prints its table and writes bench/results/NAME.json. */
const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  process.stderr.write("usage: npm run bench -- NAME   (e.g. records)\n");
  process.exit(2);
}
const benchmark = (await import(`./${name}.ts`)) as { main: () => Promise<void> };
await benchmark.main();
