/// The workbench's one page: plain HTML, CSS and JavaScript compiled into the binary, no
/// framework and no request beyond this server. The per-start token is written into it.
enum WorkbenchPage {
    static func html(token: String) -> String {
        template.replacingOccurrences(of: "__TOKEN__", with: token)
    }

    static let template = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MotCua</title>
<style>
body{font:14px system-ui,sans-serif;margin:0;background:#f4f5f7;color:#222}
header{background:#1d3557;color:#fff;padding:8px 16px;display:flex;align-items:center;gap:12px}
header h1{font-size:18px;margin:0;flex:1}
header button{background:#fff;color:#1d3557;border:0;padding:3px 8px;cursor:pointer}
header button.on{background:#f1c40f}
main{display:grid;grid-template-columns:minmax(340px,1fr) 2fr;gap:12px;padding:12px}
section{background:#fff;border:1px solid #ddd;border-radius:4px;padding:10px}
h2{font-size:15px;margin:0 0 8px}
fieldset{border:1px solid #ddd;margin:6px 0;padding:4px 6px;max-height:260px;overflow:auto}
legend{font-weight:600}
.row{display:grid;grid-template-columns:1fr 90px;gap:4px;align-items:center;margin:2px 0}
.row input{width:80px}
.row input.changed{background:#fff3cd}
.err{grid-column:1/3;color:#b00020;font-size:12px}
.issues{color:#b00020;font-size:12px}
.ok{color:#2e7d32}
label{margin-right:6px}
.opts input{width:70px}
progress{width:60%}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:3px 5px;font-size:13px;text-align:left}
.v-pass{background:#dff3e0}.v-fail{background:#fbe0e0}.v-at-risk{background:#fff3cd}
iframe{width:100%;height:900px;border:1px solid #ddd;background:#fff}
#downloads a{margin-right:8px}
</style>
</head>
<body>
<header><h1 data-t="title">MotCua — planner's workbench</h1>
<button id="lang-en" type="button">English</button><button id="lang-vi" type="button">Tiếng Việt</button></header>
<main>
<div>
<section id="scenario-panel">
<h2 data-t="scenario">Scenario</h2>
<select id="scenario-select"></select>
<div><label data-t="overlay">Saved overlay</label><select id="overlay-select"><option value="">—</option></select></div>
<div id="form"></div>
<div id="form-issues" class="issues"></div>
<button id="validate-btn" type="button" data-t="check">Check</button>
<input id="overlay-name" placeholder="overlay-name"><button id="save-btn" type="button" data-t="save">Save as overlay</button>
<span id="save-status"></span>
</section>
<section id="run-panel">
<h2 data-t="run">Run</h2>
<div class="opts"><label data-t="replications">Replications</label><input id="replications" type="number" value="2" min="1" max="1000">
<label data-t="seed">Seed</label><input id="seed" type="number" placeholder="auto">
<label data-t="load">Load</label><input id="load" type="number" value="1" step="0.1">
<label data-t="loads">Sweep loads</label><input id="loads" value="0.8:1.6:0.2"></div>
<p><button id="run-btn" type="button" data-t="runBtn">Run</button>
<button id="compare-btn" type="button" data-t="compareBtn">Compare with the base</button>
<button id="sweep-btn" type="button" data-t="sweepBtn">Load sweep</button>
<button id="staff-btn" type="button" data-t="staffBtn">Staffing search</button></p>
<div id="job-status"><span id="job-text"></span> <progress id="job-progress" max="1" value="0" hidden></progress>
<button id="cancel-btn" type="button" data-t="cancel" hidden>Cancel</button></div>
</section>
<section id="history-panel">
<h2 data-t="history">History</h2>
<button id="compare-runs-btn" type="button" data-t="compareRuns">Compare the two ticked</button>
<table id="history"><thead><tr><th></th><th data-t="when">When</th><th data-t="what">What</th><th data-t="status">Status</th><th></th></tr></thead><tbody></tbody></table>
</section>
</div>
<section id="result">
<h2 data-t="result">Result</h2>
<div id="verdicts"></div>
<div id="downloads"></div>
<iframe id="report-frame" title="report"></iframe>
</section>
</main>
<script>
"use strict";
const TOKEN = "__TOKEN__";
const T = {
 en: {title:"MotCua — planner's workbench", scenario:"Scenario", overlay:"Saved overlay", check:"Check", save:"Save as overlay",
  run:"Run", replications:"Replications", seed:"Seed", load:"Load", loads:"Sweep loads", runBtn:"Run", compareBtn:"Compare with the base",
  sweepBtn:"Load sweep", staffBtn:"Staffing search", cancel:"Cancel", history:"History", compareRuns:"Compare the two ticked",
  when:"When", what:"What", status:"Status", result:"Result", offices:"Offices — staff", procedures:"Procedures — yearly volume, online share",
  loadsSet:"Load — month and weekday factors", targets:"Targets — thresholds", valid:"Valid", saved:"Saved", reopen:"Reopen", del:"Delete",
  queued:"queued", running:"running", done:"done", failed:"failed", cancelled:"cancelled", interrupted:"interrupted",
  pass:"PASS", fail:"FAIL", "at-risk":"AT RISK", target:"Target", reused:"replications reused", tickTwo:"Tick two runs", downloads:"Downloads"},
 vi: {title:"MotCua — bàn làm việc của người lập kế hoạch", scenario:"Kịch bản", overlay:"Bản sửa đã lưu", check:"Kiểm tra", save:"Lưu bản sửa",
  run:"Chạy mô phỏng", replications:"Số lần lặp", seed:"Hạt giống", load:"Tải", loads:"Dải tải", runBtn:"Chạy", compareBtn:"So sánh với kịch bản gốc",
  sweepBtn:"Quét tải", staffBtn:"Tìm số cán bộ", cancel:"Hủy", history:"Lịch sử", compareRuns:"So sánh hai lần chạy đã chọn",
  when:"Thời điểm", what:"Nội dung", status:"Trạng thái", result:"Kết quả", offices:"Cơ quan — số cán bộ", procedures:"Thủ tục — hồ sơ/năm, tỷ lệ trực tuyến",
  loadsSet:"Tải — hệ số theo tháng và thứ", targets:"Chỉ tiêu — ngưỡng", valid:"Hợp lệ", saved:"Đã lưu", reopen:"Mở lại", del:"Xóa",
  queued:"đang chờ", running:"đang chạy", done:"xong", failed:"lỗi", cancelled:"đã hủy", interrupted:"bị gián đoạn",
  pass:"ĐẠT", fail:"KHÔNG ĐẠT", "at-risk":"CÓ RỦI RO", target:"Chỉ tiêu", reused:"lần lặp dùng lại", tickTwo:"Hãy chọn hai lần chạy", downloads:"Tải xuống"}
};
let lang = localStorage.getItem("motcua-lang") || "en";
let current = null;
let shownJob = null;
let tracking = null;
const $ = id => document.getElementById(id);
function t(key) { return (T[lang] && T[lang][key]) || key; }
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) { if (k === "text") node.textContent = v; else node.setAttribute(k, v); }
  for (const c of children) node.append(c);
  return node;
}
async function api(method, path, body) {
  const init = {method, headers: {"X-MotCua-Token": TOKEN}};
  if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
  const response = await fetch(path, init);
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  return {status: response.status, data};
}
function applyLanguage() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  $("lang-en").className = lang === "en" ? "on" : "";
  $("lang-vi").className = lang === "vi" ? "on" : "";
  if (current) renderForm(current, settings());
  if (shownJob) showJob(shownJob);
  refreshHistory();
}
function setLanguage(l) { lang = l; localStorage.setItem("motcua-lang", l); applyLanguage(); }
async function loadScenarios() {
  const {data} = await api("GET", "/api/scenarios");
  const select = $("scenario-select");
  select.replaceChildren(...(data || []).map(s => el("option", {value: s.id, text: s.id})));
}
async function openScenario(id) {
  const {status, data} = await api("GET", "/api/scenario?id=" + encodeURIComponent(id));
  if (status !== 200) return;
  current = data;
  $("scenario-select").value = id;
  $("overlay-select").replaceChildren(el("option", {value: "", text: "—"}), ...data.overlays.map(o => el("option", {value: o, text: o})));
  renderForm(data, {});
}
function renderForm(form, edits) {
  const groups = [["offices", form.offices], ["procedures", form.procedures], ["loadsSet", form.loads], ["targets", form.targets]];
  $("form").replaceChildren(...groups.filter(g => g[1].length).map(([key, fields]) => {
    const set = el("fieldset", {id: "fields-" + key}, el("legend", {text: t(key)}));
    for (const f of fields) {
      const input = el("input", {"data-path": f.path, "data-base": f.value, id: "f-" + f.path});
      input.value = edits[f.path] !== undefined ? edits[f.path] : f.value;
      input.className = input.value !== f.value ? "changed" : "";
      input.addEventListener("input", () => { input.className = input.value !== f.value ? "changed" : ""; });
      set.append(el("div", {class: "row"}, el("span", {text: (lang === "vi" && f.labelVi) || f.label}), input,
                    el("span", {class: "err", id: "err-" + f.path})));
    }
    return set;
  }));
}
function settings() {
  const edits = {};
  for (const input of document.querySelectorAll("#form input[data-path]")) {
    if (input.value !== input.dataset.base) edits[input.dataset.path] = input.value.trim();
  }
  return edits;
}
function showIssues(issues) {
  for (const node of document.querySelectorAll("#form .err")) node.textContent = "";
  const general = [];
  for (const issue of issues || []) {
    const spot = issue.field && document.getElementById("err-" + issue.field);
    if (spot) spot.textContent = issue.path + ": " + issue.message; else general.push(issue.path + ": " + issue.message);
  }
  $("form-issues").replaceChildren(...general.map(m => el("div", {text: m})));
}
function edited() { return {scenario: current.id, overlay: $("overlay-select").value || null, settings: settings()}; }
async function check() {
  const {data} = await api("POST", "/api/validate", edited());
  showIssues(data && data.issues);
  if (data && data.ok) $("form-issues").replaceChildren(el("span", {class: "ok", text: t("valid")}));
}
async function save() {
  const body = Object.assign(edited(), {name: $("overlay-name").value.trim()});
  let {status, data} = await api("POST", "/api/overlays", body);
  const replaceable = status === 409 && data && (data.issues || []).find(i => i.path === "replace");
  if (replaceable && confirm(replaceable.message)) ({status, data} = await api("POST", "/api/overlays", Object.assign(body, {replace: true})));
  if (status === 201) { $("save-status").textContent = t("saved"); await openScenario(current.id); $("overlay-select").value = body.name; }
  else showIssues(data && data.issues);
}
async function submit(kind, extra) {
  const body = Object.assign({kind, language: lang}, extra || {});
  if (kind !== "compareRuns") {
    Object.assign(body, edited(), {replications: Number($("replications").value), load: Number($("load").value)});
    if ($("seed").value !== "") body.seed = Number($("seed").value);
    if (kind === "sweep") body.loads = $("loads").value;
  }
  const {status, data} = await api("POST", "/api/jobs", body);
  if (status !== 201) { showIssues(data && data.issues); return; }
  showIssues([]);
  track(data.id);
}
function track(id) {
  tracking = id;
  $("cancel-btn").hidden = false;
  $("job-progress").hidden = false;
  const poll = async () => {
    if (tracking !== id) return;
    const {data} = await api("GET", "/api/jobs/" + id);
    if (!data) return;
    $("job-text").textContent = id + ": " + t(data.status) + (data.total ? " " + data.done + "/" + data.total : "")
      + (data.reused ? " (" + data.reused + " " + t("reused") + ")" : "") + (data.message ? " — " + data.message : "");
    $("job-progress").max = Math.max(1, data.total); $("job-progress").value = data.done;
    if (data.status === "queued" || data.status === "running") { setTimeout(poll, 300); return; }
    $("cancel-btn").hidden = true; $("job-progress").hidden = true; tracking = null;
    refreshHistory();
    if (data.status === "done") showJob(data);
  };
  poll();
}
// The server formats the value in each language (Vietnamese writes 99,82%); older records lack it.
function shownValue(r) { return (lang === "vi" ? r.valueTextVi : r.valueText) || (100 * r.value).toFixed(2) + "%"; }
function showJob(job) {
  shownJob = job;
  const box = $("verdicts");
  box.replaceChildren();
  if (job.verdicts.length) {
    const head = el("tr", {}, el("th", {text: t("target")}), ...job.names.slice(0, job.verdicts.length).map(n => el("th", {text: n})));
    const rows = job.verdicts[0].map((row, i) => el("tr", {}, el("td", {text: lang === "vi" ? row.labelVi : row.label}),
      ...job.verdicts.map(list => { const r = list[i]; return r ? el("td", {class: "v-" + r.verdict, text: shownValue(r) + " " + t(r.verdict)}) : el("td"); })));
    box.append(el("table", {id: "verdict-table"}, head, ...rows));
  }
  $("downloads").replaceChildren(el("strong", {text: t("downloads") + ": "}),
    ...job.files.filter(f => !f.startsWith("report-") || f.endsWith(".html")).map(f => el("a", {href: "/api/jobs/" + job.id + "/files/" + encodeURIComponent(f), text: f})));
  $("report-frame").src = "/api/jobs/" + job.id + "/report?lang=" + lang;
}
async function refreshHistory() {
  const {data} = await api("GET", "/api/jobs");
  const body = $("history").querySelector("tbody");
  body.replaceChildren(...(data || []).map(job => {
    const reopen = el("button", {type: "button", text: t("reopen")});
    reopen.onclick = () => job.status === "done" ? showJob(job) : track(job.id);
    const remove = el("button", {type: "button", text: t("del")});
    remove.onclick = async () => { await api("DELETE", "/api/jobs/" + job.id); refreshHistory(); };
    return el("tr", {"data-id": job.id}, el("td", {}, el("input", {type: "checkbox", value: job.id})),
      el("td", {text: job.created.replace("T", " ").replace("Z", "")}), el("td", {text: job.request.kind + ": " + job.names.join(" | ")}),
      el("td", {text: t(job.status)}), el("td", {}, reopen, remove));
  }));
}
async function compareTicked() {
  const ids = [...document.querySelectorAll("#history input:checked")].map(i => i.value);
  if (ids.length !== 2) { $("job-text").textContent = t("tickTwo"); return; }
  await submit("compareRuns", {runs: ids.reverse()});
}
// A link can say what to open and do: #lang=vi&scenario=ID&set.PATH=VALUE&replications=2&action=run|compare&job=ID
async function followLink() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get("lang")) setLanguage(params.get("lang"));
  if (params.get("scenario")) await openScenario(params.get("scenario"));
  else if ($("scenario-select").value) await openScenario($("scenario-select").value);
  for (const [key, value] of params) {
    if (!key.startsWith("set.")) continue;
    const input = document.getElementById("f-" + key.slice(4));
    if (input) { input.value = value; input.className = "changed"; }
  }
  if (params.get("replications")) $("replications").value = params.get("replications");
  if (params.get("seed")) $("seed").value = params.get("seed");
  const action = params.get("action");
  if (action === "run" || action === "compare") await submit(action);
  if (params.get("job")) { const {data} = await api("GET", "/api/jobs/" + params.get("job")); if (data && data.id) showJob(data); }
  if (params.get("runs")) await submit("compareRuns", {runs: params.get("runs").split(",")});
}
$("lang-en").onclick = () => setLanguage("en");
$("lang-vi").onclick = () => setLanguage("vi");
$("scenario-select").onchange = e => openScenario(e.target.value);
$("validate-btn").onclick = check;
$("save-btn").onclick = save;
$("run-btn").onclick = () => submit("run");
$("compare-btn").onclick = () => submit("compare");
$("sweep-btn").onclick = () => submit("sweep");
$("staff-btn").onclick = () => submit("staff");
$("cancel-btn").onclick = () => tracking && api("POST", "/api/jobs/" + tracking + "/cancel");
$("compare-runs-btn").onclick = compareTicked;
(async () => { applyLanguage(); await loadScenarios(); await followLink(); })();
</script>
</body>
</html>
"""#
}
