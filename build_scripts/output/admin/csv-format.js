// The data packages' CSV tables in the form (build_scripts/output/cms.py writes this file with COLUMNS filled in
// and names one format per table, csv-<table>, so a table is never mistaken for another).
// Parsing with Papa Parse; writing by hand, exactly as Python's csv module does in build_scripts/commands/import_csv.py:
// a field is quoted only when it holds a comma, a quote or a line break, lines end in \n, the last one too, and the
// columns keep the order of the table's schema. A number keeps the text it was read with (3.0 stays 3.0), so saving
// a form changes only the rows edited.
(function () {
  "use strict";
  const COLUMNS = __COLUMNS__; // table → [[column, "number" | "integer" | "string" | "boolean"], ...]

  function cell(value) {
    const text = value === undefined || value === null ? "" : String(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function format(table) {
    const columns = COLUMNS[table];
    const types = Object.fromEntries(columns);
    const written = {}; // column → number as JS writes it → the text it was read with

    function fromFile(text) {
      const parsed = Papa.parse(text, { header: true, skipEmptyLines: true, delimiter: "," });
      const rows = parsed.data.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => {
          if (value === "") return [key, undefined];
          if (types[key] === "number" || types[key] === "integer") {
            const number = Number(value);
            (written[key] = written[key] || {})[String(number)] = value;
            return [key, number];
          }
          if (types[key] === "boolean") return [key, value === "true"];
          return [key, value];
        }))
      );
      return { rows };
    }

    function toFile(data) {
      const rows = (data && data.rows) || [];
      const lines = [columns.map(([name]) => cell(name)).join(",")];
      for (const row of rows) {
        lines.push(columns.map(([name, type]) => {
          const value = row[name];
          if ((type === "number" || type === "integer") && typeof value === "number") {
            return cell((written[name] || {})[String(value)] ?? String(value));
          }
          return cell(value);
        }).join(","));
      }
      return lines.join("\n") + "\n";
    }

    return { fromFile, toFile };
  }

  for (const table of Object.keys(COLUMNS)) window.CMS.registerCustomFormat("csv-" + table, "csv", format(table));
})();
