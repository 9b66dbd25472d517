// The data packages' CSV tables in the form (build_scripts/output/cms.py writes this file with COLUMNS filled in).
// Parsing with Papa Parse; writing exactly as Python's csv module does in build_scripts/commands/import_csv.py:
// a field is quoted only when it holds a comma, a quote or a line break, lines end in \n, the last one too,
// and the columns keep the order of the table's schema. So saving a form changes only the row edited.
(function () {
  "use strict";
  const COLUMNS = __COLUMNS__; // table → [[column, "number" | "integer" | "string" | "boolean"], ...]

  function tableOf(header) {
    return Object.keys(COLUMNS).find((name) => COLUMNS[name].map((c) => c[0]).join(",") === header.join(","));
  }

  function fromFile(text) {
    const parsed = Papa.parse(text, { header: true, skipEmptyLines: true });
    const table = tableOf(parsed.meta.fields || []);
    const types = Object.fromEntries((table ? COLUMNS[table] : []).map(([name, type]) => [name, type]));
    const rows = parsed.data.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => {
        if (value === "") return [key, undefined];
        if (types[key] === "number" || types[key] === "integer") return [key, Number(value)];
        return [key, value];
      }))
    );
    return { rows };
  }

  function toFile(data) {
    const rows = (data && data.rows) || [];
    const keys = new Set(rows.flatMap((row) => Object.keys(row)));
    // the table is the one whose columns hold every key written (the smallest, if several do)
    const table = Object.keys(COLUMNS)
      .filter((name) => [...keys].every((k) => COLUMNS[name].some((c) => c[0] === k)))
      .sort((a, b) => COLUMNS[a].length - COLUMNS[b].length)[0];
    const fields = (table ? COLUMNS[table] : [...keys].map((k) => [k])).map((c) => c[0]);
    const cells = rows.map((row) => fields.map((name) => (row[name] === undefined || row[name] === null ? "" : String(row[name]))));
    return Papa.unparse({ fields, data: cells }, { newline: "\n", quotes: (value) => /[",\r\n]/.test(value), escapeFormulae: false }) + "\n";
  }

  window.CMS.registerCustomFormat("csv", "csv", { fromFile, toFile });
})();
