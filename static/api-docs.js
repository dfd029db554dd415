// Renders the OpenAPI document on /api/docs: every operation with its
// parameters, body and responses. Served from the binary, so the page
// needs nothing from another site and keeps the strict CSP.
(function () {
  "use strict";
  var root = document.getElementById("api-docs");
  if (!root) return;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function refName(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.type === "array" && schema.items) return refName(schema.items) + "[]";
    if (Array.isArray(schema.type)) return schema.type.join(" | ");
    return schema.type || "object";
  }

  function describe(spec, name, depth) {
    var s = spec.components && spec.components.schemas && spec.components.schemas[name];
    if (!s || depth > 2) return "";
    var lines = [];
    var props = s.properties || {};
    (s.allOf || []).forEach(function (part) {
      if (part.$ref) lines.push("… every field of " + refName(part));
      Object.keys(part.properties || {}).forEach(function (k) { props[k] = part.properties[k]; });
    });
    Object.keys(props).forEach(function (k) {
      var p = props[k];
      lines.push(k + ": " + refName(p) + (p.description ? "  — " + p.description.replace(/\s+/g, " ") : ""));
    });
    return lines.join("\n");
  }

  function render(spec) {
    var methods = ["get", "post", "put", "patch", "delete"];
    var byTag = {};
    Object.keys(spec.paths).forEach(function (path) {
      methods.forEach(function (m) {
        var op = spec.paths[path][m];
        if (!op) return;
        var tag = (op.tags && op.tags[0]) || "other";
        (byTag[tag] = byTag[tag] || []).push({ path: path, method: m, op: op });
      });
    });
    (spec.tags || []).map(function (t) { return t.name; }).concat(Object.keys(byTag)).forEach(function (tag) {
      var ops = byTag[tag];
      if (!ops) return;
      delete byTag[tag];
      var section = el("section");
      section.appendChild(el("h2", null, tag));
      ops.forEach(function (o) {
        var box = el("article", "api-op");
        var head = el("h3");
        head.appendChild(el("span", "api-op__method", o.method));
        head.appendChild(el("span", "api-op__path", o.path));
        box.appendChild(head);
        if (o.op.description || o.op.summary) box.appendChild(el("p", null, (o.op.summary || "") + " " + (o.op.description || "")));
        if (o.op.parameters && o.op.parameters.length) {
          var t = el("table", "api-op__meta");
          o.op.parameters.forEach(function (p) {
            var tr = el("tr");
            tr.appendChild(el("td", null, p.name + " (" + p.in + (p.required ? ", required" : "") + ")"));
            tr.appendChild(el("td", null, p.description || ""));
            t.appendChild(tr);
          });
          box.appendChild(t);
        }
        var body = o.op.requestBody && o.op.requestBody.content && o.op.requestBody.content["application/json"];
        if (body) {
          var name = refName(body.schema);
          box.appendChild(el("p", "api-op__meta", "Body (JSON): " + name));
          var d = describe(spec, name, 0);
          if (d) box.appendChild(el("div", "api-schema", d));
        }
        var rt = el("table", "api-op__meta");
        Object.keys(o.op.responses || {}).forEach(function (status) {
          var r = o.op.responses[status];
          var c = r.content && r.content["application/json"];
          var tr = el("tr");
          tr.appendChild(el("td", null, status));
          tr.appendChild(el("td", null, (r.description || "") + (c ? " → " + refName(c.schema) : "")));
          rt.appendChild(tr);
        });
        box.appendChild(rt);
        section.appendChild(box);
      });
      root.appendChild(section);
    });
    var schemas = (spec.components && spec.components.schemas) || {};
    var sec = el("section");
    sec.appendChild(el("h2", null, "Schemas"));
    Object.keys(schemas).sort().forEach(function (name) {
      var box = el("article", "api-op");
      box.id = "schema-" + name;
      box.appendChild(el("h3", "api-op__path", name));
      box.appendChild(el("div", "api-schema", describe(spec, name, 0)));
      sec.appendChild(box);
    });
    root.appendChild(sec);
  }

  fetch(root.getAttribute("data-spec"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(render)
    .catch(function (e) { root.appendChild(el("p", null, "The document could not be read: " + e)); });
})();
