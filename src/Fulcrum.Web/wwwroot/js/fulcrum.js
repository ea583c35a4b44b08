// Fulcrum dashboard: small page scripts over the JSON API (same numbers as the CLI). Charts use the bundled ECharts.
"use strict";
const Fulcrum = (() => {
  // A figure the data cannot give is null in the API (an estimate's reason beside it), never a number: Number(null) and
  // 100 * null are 0, so every figure is tested with `has` before it is shown, scaled or drawn.
  const has = v => typeof v === "number" && Number.isFinite(v);
  const num = (v, d = 1) => has(v) ? v.toFixed(d) : "–";
  const money = v => has(v) ? (v < 0 ? "−$" : "$") + Math.abs(Math.round(v)).toLocaleString("en-US") : "–";
  const percent = (v, d = 1) => has(v) ? `${num(100 * v, d)}%` : "–";
  // A scaled figure for a chart; an absent one stays absent (a gap), never 0.
  const times = (k, v) => has(v) ? k * v : null;
  const ci = (e, d = 1) => has(e.lower) && has(e.upper) ? `${num(e.lower, d)} to ${num(e.upper, d)}` : "no interval";
  // An interval in a format of its own (money, percent); a withheld one (too few usable resamples) says so, never "– to –".
  const range = (e, f) => has(e.lower) && has(e.upper) ? `${f(e.lower)} to ${f(e.upper)}` : "no interval";
  // Why an estimate has no figure, as the API says it (the CLI's --json gives the same reason).
  const reason = e => e.reason || e.method || "not available";
  // An estimate's value in format f, or the reason there is none.
  const figure = (e, f) => has(e.value) ? f(e.value) : `not available: ${reason(e)}`;
  const text = s => { const span = document.createElement("span"); span.textContent = s; return span.innerHTML; };

  async function api(url) {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) {
      throw await failure(response);
    }
    return response.json();
  }

  // An error that keeps the HTTP status and the server's reason (problem details), so 422 "the data cannot give this" reads as a reason.
  async function failure(response) {
    let detail = response.statusText;
    try { const p = await response.json(); detail = p.detail || p.title || detail; } catch { /* not JSON */ }
    const error = new Error(`${response.status}: ${detail}`);
    error.status = response.status;
    error.reason = detail;
    return error;
  }

  // A slow figure (the business case) asked with ?wait=false: 202 + progress while it is computed, shown until it is ready.
  async function apiWhenReady(url, onProgress) {
    for (;;) {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.status !== 202) {
        if (!response.ok) throw await failure(response);
        return response.json();
      }
      const progress = await response.json();
      onProgress(`Computing… ${progress.message}`);
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  }

  function chart(id) {
    const el = document.getElementById(id);
    const existing = echarts.getInstanceByDom(el);
    return existing || echarts.init(el, null, { renderer: "svg" });
  }

  // Error bars drawn as a custom series: one vertical line from lower to upper per category.
  function errorBars(bars) {
    return {
      // A bar without an interval has no error bar (not one drawn to 0).
      type: "custom", name: "95% CI", data: bars.filter(b => has(b[1]) && has(b[2])), z: 10,
      renderItem: (params, api) => {
        const x = api.value(0), lo = api.coord([x, api.value(1)]), hi = api.coord([x, api.value(2)]);
        const w = 6;
        return { type: "group", children: [
          { type: "line", shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: "#1d2433", lineWidth: 1.5 } },
          { type: "line", shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style: { stroke: "#1d2433", lineWidth: 1.5 } },
          { type: "line", shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style: { stroke: "#1d2433", lineWidth: 1.5 } },
        ] };
      },
    };
  }

  // An axis that holds every interval, so error bars are never cut off.
  function axisFor(estimates, includeZero) {
    const lows = estimates.map(e => e.lower).filter(has), highs = estimates.map(e => e.upper).filter(has);
    if (lows.length === 0) return { type: "value", scale: !includeZero };
    let min = Math.min(...lows), max = Math.max(...highs);
    if (includeZero) { min = Math.min(0, min); max = Math.max(0, max); }
    const pad = (max - min) * 0.05 || 1;
    return { type: "value", min: Math.floor(min - pad), max: Math.ceil(max + pad) };
  }

  function showError(el, error) { el.innerHTML = `<p class="message error" role="alert">${text(error.message)}</p>`; }

  // A figure the data cannot give (422: no renewals, no scores of that kind) is absent with the server's reason, not an error.
  function showAbsentOrError(el, error, what) {
    if (error.status === 422) el.innerHTML = `<p class="message absent" role="status">${text(what)}: ${text(error.reason)}</p>`;
    else showError(el, error);
  }

  // Overview: a metric by quarter with its 95% band, and the same figures as a table.
  function overview() {
    const select = document.getElementById("trend-metric");
    // A store that sells by order has no renewals to lose: its money panel is the repeat purchase.
    if (document.getElementById("money-cards")) moneyAtRisk(); else repeatMoney();
    if (!select) return;
    const draw = async () => {
      const metric = select.value, decimals = metric === "nps" ? 1 : 2;
      try {
        const data = await api(`/api/metrics?metric=${metric}&period=quarter&pageSize=500`);
        const quarters = data.cells.items.filter(c => c.metric === metric), cells = quarters.filter(c => has(c.estimate.value));
        const labels = cells.map(c => c.periodLabel);
        const lower = cells.map(c => c.estimate.lower), upper = cells.map(c => c.estimate.upper), value = cells.map(c => c.estimate.value);
        chart("trend-chart").setOption({
          animation: false, grid: { left: 50, right: 20, top: 20, bottom: 40 },
          tooltip: { trigger: "axis", formatter: p => { const i = p[0].dataIndex; return `${labels[i]}<br>${metric.toUpperCase()} ${num(value[i], decimals)}<br>95% CI ${num(lower[i], decimals)} to ${num(upper[i], decimals)}<br>n = ${cells[i].estimate.n}`; } },
          xAxis: { type: "category", data: labels },
          yAxis: { type: "value", scale: true },
          series: [
            { name: "lower", type: "line", data: lower, stack: "ci", stackStrategy: "all", symbol: "none", lineStyle: { opacity: 0 } },
            { name: "95% CI", type: "line", data: upper.map((u, i) => has(u) && has(lower[i]) ? u - lower[i] : null), stack: "ci", stackStrategy: "all", symbol: "none", lineStyle: { opacity: 0 }, areaStyle: { color: "rgba(31,95,191,0.18)" } },
            { name: metric, type: "line", data: value, symbol: "circle", lineStyle: { width: 2, color: "#1f5fbf" }, itemStyle: { color: "#1f5fbf" } },
          ],
        }, true);
        // A quarter the data cannot give a figure for keeps its row, with the reason instead of a number.
        document.querySelector("#trend-table tbody").innerHTML = quarters.map(c =>
          `<tr><td>${text(c.periodLabel)}</td><td class="num">${text(figure(c.estimate, v => num(v, decimals)))}</td><td class="num">${ci(c.estimate, decimals)}</td><td class="num">${c.estimate.n.toLocaleString("en-US")}</td></tr>`).join("");
      } catch (e) { showError(document.getElementById("trend-chart"), e); }
    };
    select.addEventListener("change", draw);
    draw();
  }

  // Money at risk, from the business case's linkage models (GET /api/business-case).
  async function moneyAtRisk() {
    const cards = document.getElementById("money-cards");
    try {
      const report = await apiWhenReady("/api/business-case?wait=false", m => { document.getElementById("money-headline").textContent = m; });
      const level = `${Math.round(100 * report.confidenceLevel)}% CI`;
      const card = (label, e, note) => !e ? "" : !has(e.value)
        ? `<div class="card"><div class="label">${text(label)}</div><div class="value">–</div><div class="ci">${text(`Not available: ${reason(e)}`)}</div></div>` :
        `<div class="card"><div class="label">${text(label)}</div><div class="value">${money(e.value)}</div><div class="ci">${range(e, money) === "no interval" ? "no interval" : `${level} ${range(e, money)}`}</div><div class="ci">${text(note)}</div></div>`;
      const link = report.linkage;
      cards.innerHTML =
        card("ARR expected to churn in the next year", link.bookChurnedArrNextYear, "whole book, churn model") +
        card("ARR lost per detractor per year", link.arrLostPerDetractorPerYear, "vs a promoter, adjusted") +
        card("Cost to serve per year", link.bookCostToServePerYear, "whole book");
      document.getElementById("money-headline").textContent = report.headline;
    } catch (e) {
      document.getElementById("money-headline").textContent = "";
      showAbsentOrError(cards, e, "No money figures");
    }
  }

  // Drill-down: a tree of buttons; choosing a node shows its parts with intervals. Then the growth-check (mix vs rate).
  function drilldown() {
    const treeEl = document.getElementById("drill-tree");
    const metricEl = document.getElementById("drill-metric"), depthEl = document.getElementById("drill-depth");
    let root = null;
    const places = () => metricEl.value === "nps" ? 1 : 2;

    const label = n => `${n.label}: ${figure(n.value, v => num(v, places()))} (95% CI ${ci(n.value, places())}, n = ${n.value.n.toLocaleString("en-US")})`;

    function renderNode(node, path) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "node";
      button.dataset.path = path;
      button.textContent = label(node) + (node.splitDimension ? ` → by ${node.splitDimension}` : "");
      li.appendChild(button);
      if (node.children.length > 0) {
        button.setAttribute("aria-expanded", path === "0" ? "true" : "false");
        const ul = document.createElement("ul");
        ul.hidden = path !== "0";
        node.children.forEach((child, i) => ul.appendChild(renderNode(child, `${path}.${i}`)));
        li.appendChild(ul);
      }
      button.addEventListener("click", () => {
        const ul = li.querySelector(":scope > ul");
        if (ul) { ul.hidden = !ul.hidden; button.setAttribute("aria-expanded", String(!ul.hidden)); }
        select(node);
      });
      return li;
    }

    function select(node) {
      const selected = document.getElementById("drill-selected");
      const share = !has(node.explainedShare) ? "" : `; ${node.splitDimension} explains ${percent(node.explainedShare)} of its variance`;
      const arr = has(node.arr) && node.arr > 0 ? `, ARR ${money(node.arr)}` : "";
      selected.textContent = `${node.path.length ? node.path.map(p => `${p.dimension} = ${p.value}`).join(", ") : "All customers"}: ${figure(node.value, v => num(v, places()))} (95% CI ${ci(node.value, places())}, n = ${node.value.n.toLocaleString("en-US")})${arr}${share}.`;
      const parts = node.children.length ? node.children : [node];
      chart("drill-chart").setOption({
        animation: false, grid: { left: 50, right: 20, top: 20, bottom: 60 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: parts.map(p => p.label), axisLabel: { interval: 0, rotate: parts.length > 4 ? 20 : 0 } },
        yAxis: axisFor(parts.map(p => p.value), false),
        series: [
          { type: "bar", name: metricEl.value, data: parts.map(p => p.value.value), itemStyle: { color: "#7da7e3" } },
          errorBars(parts.map((p, i) => [i, p.value.lower, p.value.upper])),
        ],
      }, true);
    }

    async function loadTree() {
      treeEl.textContent = "Loading…";
      try {
        root = await api(`/api/drilldown?metric=${metricEl.value}&depth=${depthEl.value}`);
        const ul = document.createElement("ul");
        ul.appendChild(renderNode(root, "0"));
        treeEl.replaceChildren(ul);
        select(root);
      } catch (e) { showAbsentOrError(treeEl, e, "No drill-down"); }
    }

    const byEl = document.getElementById("growth-by");
    async function loadGrowth() {
      const summary = document.getElementById("growth-summary");
      try {
        const g = await api(`/api/growth-check?metric=${metricEl.value}&by=${byEl.value}`);
        const d = g.decomposition, k = places();
        summary.textContent = `${g.before.label} → ${g.after.label}: total ${num(g.totalBefore.value, k)} → ${num(g.totalAfter.value, k)}; change ${figure(d.totalChange, v => num(v, k))} (95% CI ${ci(d.totalChange, k)}) = mix ${num(d.mixEffect.value, k)} (${ci(d.mixEffect, k)}) + rate ${num(d.rateEffect.value, k)} (${ci(d.rateEffect, k)}).`;
        const bars = [d.totalChange, d.mixEffect, d.rateEffect];
        chart("growth-chart").setOption({
          animation: false, grid: { left: 50, right: 20, top: 20, bottom: 30 },
          tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: ["Total change", "Mix (customer base changed)", "Rate (change within groups)"] },
          yAxis: axisFor(bars, true),
          series: [
            { type: "bar", name: "effect", data: bars.map(b => ({ value: b.value, itemStyle: { color: b.value < 0 ? "#d9776f" : "#6fb58a" } })) },
            errorBars(bars.map((b, i) => [i, b.lower, b.upper])),
          ],
        }, true);
        document.querySelector("#growth-groups tbody").innerHTML = d.groups.map(x =>
          `<tr><td>${text(x.group)}</td><td class="num">${percent(x.shareBefore)}</td><td class="num">${percent(x.shareAfter)}</td><td class="num">${text(figure(x.before, v => num(v, k)))}</td><td class="num">${text(figure(x.after, v => num(v, k)))}</td><td class="num">${num(x.mixContribution, k + 1)}</td><td class="num">${num(x.rateContribution, k + 1)}</td></tr>`).join("");
        document.getElementById("growth-findings").innerHTML = g.findings.length
          ? g.findings.slice(0, 10).map(f => `<li>${text(f.statement)}${has(f.arrExposed) && f.arrExposed > 0 ? ` (ARR exposed ${money(f.arrExposed)})` : ""}</li>`).join("")
          : "<li>No segment declines against the rest at the chosen false-discovery rate.</li>";
      } catch (e) { showAbsentOrError(summary, e, "No mix vs rate split"); }
    }

    // Shares of R² come in percent already (the relative weights as % of R²); R² itself is a fraction.
    async function loadDrivers() {
      const summary = document.getElementById("drivers-summary");
      try {
        const d = await api(`/api/drivers?outcome=${metricEl.value}`);
        summary.textContent = `R² ${figure(d.rSquared, percent)} (95% CI ${range(d.rSquared, percent)}) over ${d.rows.toLocaleString("en-US")} answers from ${d.accounts.toLocaleString("en-US")} accounts; shares from ${d.options.method === "shapley" ? "Shapley" : "relative weights"} with account-bootstrap intervals.`
          // A model that explains nothing has no driver to act on, whatever the shares say.
          + (d.noTopDriver ? ` No top driver: ${d.noTopDriver}` : "");
        document.querySelector("#drivers-table tbody").innerHTML = d.drivers.map(x =>
          `<tr><td>${text(x.description || x.name)}</td><td class="num">${text(figure(x.shareOfR2, v => `${num(v)}%`))} (${range(x.shareOfR2, v => `${num(v)}%`)})</td><td class="num">${text(figure(x.correlation, v => num(v, 2)))}</td><td>${text(x.quadrantLabel)}</td></tr>`).join("");
      } catch (e) { showAbsentOrError(summary, e, "No key drivers"); }
    }

    metricEl.addEventListener("change", () => { loadTree(); loadGrowth(); loadDrivers(); });
    depthEl.addEventListener("change", loadTree);
    byEl.addEventListener("change", loadGrowth);
    loadTree();
    loadGrowth();
    loadDrivers();
  }


  // Levers: the business case ranked by NPV; sliders re-price it on the same fitted models (GET /api/business-case/revalue).
  function levers() {
    const headline = document.getElementById("levers-headline");
    const sliders = [...document.querySelectorAll("input[type=range][data-assumption]")];
    const stored = new Map(sliders.map(s => [s.dataset.assumption, s.value]));
    const short = x => {
      if (!has(x)) return "–";
      const a = Math.abs(x), sign = x < 0 ? "−" : "";
      return a >= 1e6 ? `${sign}$${(a / 1e6).toFixed(2)}M` : a >= 1e3 ? `${sign}$${(a / 1e3).toFixed(0)}k` : `${sign}$${a.toFixed(0)}`;
    };
    const months = x => has(x) ? `${x.toFixed(0)} mo` : "n/a";
    const show = s => {
      const unit = s.dataset.unit, v = Number(s.value);
      document.getElementById(`out-${s.dataset.assumption}`).textContent =
        unit === "share" || unit === "ratio" || unit === "per year" ? `${(100 * v).toFixed(0)}%` : `${v.toLocaleString("en-US")} ${unit}`;
    };
    let pending = null, sequence = 0;

    function render(report) {
      const h = report.horizonMonths;
      document.getElementById("levers-horizon").textContent = h;
      headline.textContent = report.headline;
      const rows = report.levers.map(l => ({ l, x: l.horizons.find(z => z.months === h) }));
      document.querySelector("#levers-table tbody").innerHTML = rows.map(({ l, x }) =>
        `<tr><td class="num">${l.rank}</td><td>${text(l.lever.title)}</td>` +
        `<td class="num">${text(figure(x.arrTotal, short))}<br><span class="muted">${range(x.arrTotal, short)}</span></td>` +
        `<td class="num">${text(figure(x.costSaved, short))}<br><span class="muted">${range(x.costSaved, short)}</span></td>` +
        `<td class="num">${short(l.lever.cost)}</td>` +
        `<td class="num npv"><strong>${text(figure(x.npv, short))}</strong><br><span class="muted">${range(x.npv, short)}</span></td>` +
        `<td class="num">${has(x.probabilityNpvPositive) ? percent(x.probabilityNpvPositive, 0) : "—"}</td>` +
        `<td class="num">${text(figure(x.roi, v => percent(v, 0)))}<br><span class="muted">${range(x.roi, v => percent(v, 0))}</span></td>` +
        `<td class="num">${x.neverPaysBack ? "not within horizon" : months(x.paybackMonths.value)}</td></tr>`).join("");
      const ordered = rows.slice().reverse();
      chart("levers-chart").setOption({
        animation: false, grid: { left: 260, right: 30, top: 10, bottom: 30 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { ...axisFor(ordered.map(r => r.x.npv), true), axisLabel: { formatter: short } },
        yAxis: { type: "category", data: ordered.map(r => r.l.lever.title), axisLabel: { width: 240, overflow: "truncate" } },
        series: [
          { type: "bar", name: "NPV", data: ordered.map(r => ({ value: has(r.x.npv.value) ? r.x.npv.value : null, itemStyle: { color: r.x.npv.value < 0 ? "#d9776f" : "#6fb58a" } })) },
          { type: "custom", name: `${Math.round(100 * report.confidenceLevel)}% CI`, data: ordered.map((r, i) => [i, r.x.npv.lower, r.x.npv.upper]).filter(b => has(b[1]) && has(b[2])), z: 10,
            renderItem: (params, api) => {
              const y = api.value(0), lo = api.coord([api.value(1), y]), hi = api.coord([api.value(2), y]);
              return { type: "group", children: [
                { type: "line", shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: "#1d2433", lineWidth: 1.5 } },
                { type: "line", shape: { x1: lo[0], y1: lo[1] - 5, x2: lo[0], y2: lo[1] + 5 }, style: { stroke: "#1d2433", lineWidth: 1.5 } },
                { type: "line", shape: { x1: hi[0], y1: hi[1] - 5, x2: hi[0], y2: hi[1] + 5 }, style: { stroke: "#1d2433", lineWidth: 1.5 } },
              ] };
            } },
        ],
      }, true);
      const used = new Set(report.levers.map(l => l.lever.sizeAssumption));
      report.unavailableLevers.filter(l => l.sizeAssumption && !used.has(l.sizeAssumption))
        .forEach(l => { const s = document.getElementById(`slider-${l.sizeAssumption}`); if (s) s.closest(".slider").hidden = true; });
      document.getElementById("levers-unavailable").innerHTML = report.notValued.map(line => `<li>${text(line)}</li>`).join("");
      document.getElementById("levers-warnings").innerHTML = report.warnings.map(w => `<li>${text(w)}</li>`).join("");
    }

    async function load() {
      const changed = sliders.filter(s => s.value !== stored.get(s.dataset.assumption));
      const query = changed.map(s => `${encodeURIComponent(s.dataset.assumption)}=${encodeURIComponent(s.value)}`).join("&");
      const mine = ++sequence;
      headline.textContent = changed.length ? "Re-pricing…" : headline.textContent;
      try {
        const report = changed.length ? await api(`/api/business-case/revalue?${query}`)
          : await apiWhenReady("/api/business-case?wait=false", m => { if (mine === sequence) headline.textContent = m; });
        if (mine === sequence) render(report);  // an older answer never overwrites a newer one
      } catch (e) {
        if (mine !== sequence) return;
        if (e.status === 422) {
          // No lever can be valued on these data: say why, and leave no empty chart or sliders that move nothing.
          headline.textContent = `No lever can be valued: ${e.reason}`;
          document.getElementById("sliders").closest("section").hidden = true;
          document.getElementById("ranked").closest("section").hidden = true;
        } else showError(headline, e);
      }
    }

    sliders.forEach(s => {
      s.addEventListener("input", () => { show(s); clearTimeout(pending); pending = setTimeout(load, 250); });
      show(s);
    });
    document.getElementById("levers-reset").addEventListener("click", () => {
      sliders.forEach(s => { s.value = stored.get(s.dataset.assumption); show(s); });
      load();
    });
    headline.textContent = "Fitting the linkage models and the business case (the first time takes a while)…";
    load();
  }


  // Value: cumulative value delivered by quarter with its band (the ledger's total line).
  async function value() {
    try {
      const report = await api("/api/value");
      const q = report.ledger.total.quarters;
      const lower = q.map(x => x.cumulative.lower), upper = q.map(x => x.cumulative.upper);
      chart("value-chart").setOption({
        animation: false, grid: { left: 80, right: 20, top: 20, bottom: 40 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: q.map(x => x.quarter) },
        yAxis: { type: "value", axisLabel: { formatter: v => money(v) } },
        series: [
          { name: "lower", type: "line", data: lower, stack: "ci", stackStrategy: "all", symbol: "none", lineStyle: { opacity: 0 } },
          { name: "95% CI", type: "line", data: upper.map((u, i) => has(u) && has(lower[i]) ? u - lower[i] : null), stack: "ci", stackStrategy: "all", symbol: "none", lineStyle: { opacity: 0 }, areaStyle: { color: "rgba(30,123,60,0.18)" } },
          { name: "cumulative value", type: "line", data: q.map(x => x.cumulative.value), lineStyle: { width: 2, color: "#1e7b3c" }, itemStyle: { color: "#1e7b3c" } },
        ],
      }, true);
    } catch (e) { showError(document.getElementById("value-chart"), e); }
  }


  // Repeat purchases (GET /api/repeat-purchase), for a business that sells by order. Each estimate carries its own
  // confidence level (90% by default, as in the CLI); a withheld one shows why instead of a number.
  const count = v => has(v) ? Math.round(v).toLocaleString("en-US") : "–";
  const withInterval = (e, f) => e.isDefined
    ? `${Math.round(100 * e.confidenceLevel)}% CI ${range(e, f)} · n = ${e.n.toLocaleString("en-US")}` : text(reason(e));
  const estimateCard = (label, e, f, note) =>
    `<div class="card"><div class="label">${text(label)}</div><div class="value">${e.isDefined ? f(e.value) : "withheld"}</div>` +
    `<div class="ci">${withInterval(e, f)}</div>${note ? `<div class="ci">${text(note)}</div>` : ""}</div>`;

  // The Overview's money panel on such a store: the lever's NPV and yearly margin, and what a repeat brings.
  async function repeatMoney() {
    const cards = document.getElementById("repeat-money-cards"), headline = document.getElementById("repeat-money-headline");
    try {
      const r = await apiWhenReady("/api/repeat-purchase?wait=false", m => { headline.textContent = m; });
      const lever = r.lever;
      cards.innerHTML =
        estimateCard(`Lever NPV over ${lever.horizonMonths} months`, lever.npv, money, lever.description) +
        estimateCard("Extra gross margin per year", lever.extraGrossMargin, money, "from customers who order again") +
        estimateCard(`Net revenue per repeat (${r.windowDays} days)`, r.revenuePerRepeat, money, "orders less refunds, per answer followed by an order");
      headline.textContent = r.headline;
    } catch (e) {
      headline.textContent = "";
      showAbsentOrError(cards, e, "No repeat-purchase figures");
    }
  }

  // Repeat purchases page: the adjusted repeat rate per score level with its interval, the observed rates, the odds ratio,
  // what a repeat brings and the lever's money.
  async function repeatPurchases() {
    const headline = document.getElementById("repeat-headline");
    try {
      const r = await apiWhenReady("/api/repeat-purchase?wait=false", m => { headline.textContent = m; });
      headline.textContent = r.headline;
      document.getElementById("repeat-summary").textContent =
        `Orders within ${r.windowDays} days of ${r.soft === "nps" ? "an" : "a"} ${r.soft.toUpperCase()} answer: ${r.answers.toLocaleString("en-US")} answers from ${r.customers.toLocaleString("en-US")} customers.`;
      const rate = e => e.isDefined ? `${percent(e.value)}<br><span class="muted">${withInterval(e, percent)}</span>` : `<span class="muted">${text(reason(e))}</span>`;
      document.querySelector("#repeat-levels tbody").innerHTML = r.levels.map(l =>
        `<tr><td>${text(l.level)}</td><td class="num">${l.answers.toLocaleString("en-US")}</td><td class="num">${rate(l.observed)}</td><td class="num">${rate(l.adjusted)}</td></tr>`).join("");
      const adjusted = r.levels.map(l => l.adjusted), scaled = adjusted.map(e => ({ lower: times(100, e.lower), upper: times(100, e.upper) }));
      chart("repeat-chart").setOption({
        animation: false, grid: { left: 50, right: 20, top: 20, bottom: 40 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: r.levels.map(l => l.level) },
        // Rates: from 0% to the next ten above the highest interval.
        yAxis: { type: "value", min: 0, max: Math.min(100, 10 * Math.ceil(Math.max(10, ...scaled.map(e => e.upper).filter(has)) / 10)),
          axisLabel: { formatter: v => `${v}%` } },
        series: [
          { type: "bar", name: "adjusted repeat rate", data: adjusted.map(e => times(100, e.value)), itemStyle: { color: "#7da7e3" } },
          { ...errorBars(adjusted.map((e, i) => [i, scaled[i].lower, scaled[i].upper])),
            name: `${Math.round(100 * r.oddsRatioLowestVsTop.confidenceLevel)}% CI` },
        ],
      }, true);
      document.getElementById("repeat-cards").innerHTML =
        estimateCard("Odds of ordering again, lowest vs top level", r.oddsRatioLowestVsTop, v => num(v, 2), "adjusted for earlier orders; below 1: the lowest level reorders less") +
        estimateCard(`Net revenue per repeat (${r.windowDays} days)`, r.revenuePerRepeat, money, "orders less refunds, per answer followed by an order");
      const lever = r.lever;
      document.getElementById("repeat-lever-description").textContent =
        `${lever.description} (${lever.baseAnswers.toLocaleString("en-US")} such answers in the last year), against ${money(lever.cost)} over ${lever.horizonMonths} months.`;
      document.getElementById("repeat-lever-cards").innerHTML =
        estimateCard("Extra customers ordering again per year", lever.extraRepeatCustomers, count) +
        estimateCard("Extra net revenue per year", lever.extraRevenue, money) +
        estimateCard("Extra gross margin per year", lever.extraGrossMargin, money) +
        estimateCard(`NPV over ${lever.horizonMonths} months`, lever.npv, money,
          has(lever.probabilityNpvPositive) ? `positive in ${percent(lever.probabilityNpvPositive, 0)} of resamples` : "");
      document.getElementById("repeat-warnings").innerHTML = r.warnings.map(w => `<li>${text(w)}</li>`).join("");
      document.getElementById("repeat-notes").innerHTML = r.notes.map(n => `<li>${text(n)}</li>`).join("");
    } catch (e) {
      if (e.status !== 422) { showError(headline, e); return; }
      // The data cannot give it (no scored answers followed by orders): the reason, and no empty chart or table.
      headline.textContent = `No repeat-purchase figures: ${e.reason}`;
      document.querySelectorAll("main section.panel").forEach(section => { section.hidden = true; });
    }
  }


  const score = v => v.nps != null ? `NPS ${v.nps}` : v.csat != null ? `CSAT ${v.csat}` : v.ces != null ? `CES ${v.ces}` : "";

  // Themes: choosing a theme draws its quarterly share with a 95% band and lists its comments.
  function themes() {
    const buttons = [...document.querySelectorAll("button.theme")];
    if (buttons.length === 0) return;
    let report = null;
    async function select(button) {
      buttons.forEach(b => b.setAttribute("aria-pressed", String(b === button)));
      const id = button.dataset.theme;
      document.getElementById("theme-title").textContent = `${button.textContent}: share of comments by quarter`;
      try {
        report = report || await api("/api/themes");
        const theme = report.themes.find(t => t.themeId === id);
        const lower = theme.trend.map(p => times(100, p.share.lower)), upper = theme.trend.map(p => times(100, p.share.upper));
        chart("theme-chart").setOption({
          animation: false, grid: { left: 50, right: 20, top: 20, bottom: 40 },
          tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: theme.trend.map(p => p.label) },
          yAxis: { type: "value", axisLabel: { formatter: v => `${v}%` } },
          series: [
            { name: "lower", type: "line", data: lower, stack: "ci", stackStrategy: "all", symbol: "none", lineStyle: { opacity: 0 } },
            { name: "95% CI", type: "line", data: upper.map((u, i) => has(u) && has(lower[i]) ? u - lower[i] : null), stack: "ci", stackStrategy: "all", symbol: "none", lineStyle: { opacity: 0 }, areaStyle: { color: "rgba(31,95,191,0.18)" } },
            { name: "share", type: "line", data: theme.trend.map(p => times(100, p.share.value)), lineStyle: { width: 2, color: "#1f5fbf" }, itemStyle: { color: "#1f5fbf" } },
          ],
        }, true);
        const verbatims = await api(`/api/themes/${encodeURIComponent(id)}/verbatims?pageSize=10`);
        document.getElementById("theme-verbatims").innerHTML = verbatims.items.map(v =>
          `<li><q>${text(v.comment)}</q> <span class="muted">— ${[v.accountName, score(v), v.respondedAt.slice(0, 10)].filter(x => x).map(text).join(", ")}</span></li>`).join("")
          + `<li class="muted">${verbatims.total.toLocaleString("en-US")} comments in all.</li>`;
      } catch (e) { showError(document.getElementById("theme-verbatims"), e); }
    }
    buttons.forEach(b => b.addEventListener("click", () => select(b)));
    select(buttons[0]);
  }

  window.addEventListener("resize", () => document.querySelectorAll(".chart").forEach(el => echarts.getInstanceByDom(el)?.resize()));
  return { api, chart, has, num, money, percent, ci, figure, text, errorBars, axisFor, overview, drilldown, levers, value, repeatPurchases, themes };
})();
