// Renders the OpenAPI schema as a readable page, with no third-party assets.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function typeOf(schema, spec) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, spec)).join(" | ");
  if (schema.type === "array") return typeOf(schema.items, spec) + "[]";
  return schema.type + (schema.format ? ` (${schema.format})` : "") + (schema.pattern ? ` matching ${schema.pattern}` : "");
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  const root = document.getElementById("endpoints");
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters || []).map((p) => el("tr", {},
        el("td", {class: "code"}, p.name), el("td", {}, p.in), el("td", {class: "code"}, typeOf(p.schema, spec)),
        el("td", {}, (p.required ? "required. " : "") + (p.description || p.schema.description || ""))));
      const ok = op.responses && op.responses["200"] && op.responses["200"].content;
      const okType = ok ? typeOf(ok["application/json"].schema, spec) : "";
      root.append(el("section", {},
        el("h2", {class: "code"}, `${method.toUpperCase()} ${path}`),
        el("p", {}, op.description || op.summary || ""),
        params.length ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "notes"))), el("tbody", {}, ...params)) : null,
        el("p", {class: "muted"}, `returns ${okType}; errors: ${Object.keys(op.responses).filter((s) => s !== "200").join(", ")}`)));
    }
  }
  const schemas = spec.components && spec.components.schemas ? spec.components.schemas : {};
  for (const [name, s] of Object.entries(schemas)) {
    const rows = Object.entries(s.properties || {}).map(([k, v]) => el("tr", {}, el("td", {class: "code"}, k), el("td", {class: "code"}, typeOf(v, spec)), el("td", {}, v.description || "")));
    root.append(el("section", {}, el("h2", {class: "code"}, name), el("p", {}, s.description || ""),
      el("table", {}, el("tbody", {}, ...rows))));
  }
}

main().catch((err) => { document.getElementById("endpoints").textContent = "Could not load the schema: " + err.message; });
