package gradebook

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html/template"
	"sort"
	"strings"

	"github.com/racelab/racelab/checker/internal/i18n"
)

// HTML is the class report: one self-contained page (inline CSS, SVG and a
// few lines of script, nothing fetched) with the class overview, a sortable
// table of submissions and each student's feedback. Everything a student
// wrote (names, compiler output, race reports) is escaped by html/template.
func HTML(g *Gradebook) ([]byte, error) {
	var buf bytes.Buffer
	if err := reportTemplate.Execute(&buf, newReport(g)); err != nil {
		return nil, fmt.Errorf("rendering the report: %w", err)
	}
	return buf.Bytes(), nil
}

type report struct {
	G            *Gradebook
	Graded       int
	Errors       int
	Mean         string
	Median       string
	Stats        []LabStats
	LabChart     []bar
	LabChartH    int
	Distribution []bar
	Rows         []row
}

type bar struct {
	Label, Text string
	X, Y, W, H  float64
	TextX       float64
}

type row struct {
	S     Submission
	Cells []cell
}

type cell struct {
	Lab, Mark, Class, Title string
}

func newReport(g *Gradebook) report {
	r := report{G: g, Stats: Stats(g)}
	var pcts []float64
	for _, s := range g.Submissions {
		if s.Status == Graded {
			r.Graded++
			pcts = append(pcts, s.Percent)
		} else {
			r.Errors++
		}
	}
	r.Mean, r.Median = "-", "-"
	if len(pcts) > 0 {
		sum := 0.0
		for _, p := range pcts {
			sum += p
		}
		sorted := append([]float64{}, pcts...)
		sort.Float64s(sorted)
		med := sorted[len(sorted)/2]
		if len(sorted)%2 == 0 {
			med = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
		}
		r.Mean, r.Median = fmt.Sprintf("%.1f%%", sum/float64(len(pcts))), fmt.Sprintf("%.1f%%", med)
	}
	// Pass rate per lab: one horizontal bar each, 0-100% over 400px.
	const rowH, labelW, barW = 28.0, 150.0, 400.0
	for i, st := range r.Stats {
		w := barW * st.Rate() / 100
		r.LabChart = append(r.LabChart, bar{
			Label: st.Lab.Name, Text: fmt.Sprintf("%.1f%% (%d/%d)", st.Rate(), st.Passed, st.Graded),
			X: labelW, Y: float64(i)*rowH + 4, W: w, H: rowH - 8, TextX: labelW + w + 6,
		})
	}
	r.LabChartH = len(r.Stats)*int(rowH) + 4
	// Score distribution: ten buckets of ten percent (100% in the last).
	counts := make([]int, 10)
	most := 1
	for _, p := range pcts {
		b := min(int(p/10), 9)
		counts[b]++
		most = max(most, counts[b])
	}
	for i, c := range counts {
		h := 120 * float64(c) / float64(most)
		r.Distribution = append(r.Distribution, bar{
			Label: fmt.Sprintf("%d–%d", i*10, i*10+9+boolInt(i == 9)),
			Text:  fmt.Sprint(c), X: float64(i)*52 + 30, Y: 140 - h, W: 44, H: h, TextX: float64(i)*52 + 52,
		})
	}
	for _, s := range g.Submissions {
		rw := row{S: s}
		for _, l := range g.Labs {
			c := cell{Lab: l.Name, Mark: "–", Class: "none"}
			if lr, ok := s.Lab(l.Name); ok && s.Status == Graded {
				switch lr.Status {
				case Pass:
					c.Mark, c.Class, c.Title = "✓", "pass", "passed"
				case Fail:
					c.Mark, c.Class, c.Title = "✗", "fail", lr.Reason+": "+lr.Message
				default:
					c.Mark, c.Class, c.Title = "!", "error", lr.Message
				}
			}
			rw.Cells = append(rw.Cells, c)
		}
		r.Rows = append(r.Rows, rw)
	}
	return r
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"join":    strings.Join,
	"pct":     func(f float64) string { return fmt.Sprintf("%.1f", f) },
	"diagram": diagram,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>racelab gradebook</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1em 2em; color: #1d1d1f; }
h1 { margin-bottom: .2em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
.kpis { display: flex; gap: 1em; flex-wrap: wrap; margin: 1em 0; }
.kpi { background: #f4f5f7; border-radius: 8px; padding: .6em 1em; min-width: 8em; }
.kpi b { display: block; font-size: 1.6em; }
table { border-collapse: collapse; width: 100%; } th, td { padding: .35em .6em; border-bottom: 1px solid #eee; text-align: left; }
th[data-key] { cursor: pointer; user-select: none; } th[data-key]:after { content: " ⇅"; color: #999; }
td.num, th.num { text-align: right; }
.pass { color: #137333; } .fail { color: #b3261e; } .error, .warn { color: #a05a00; } .none { color: #999; }
td.pass, td.fail, td.error, td.none { text-align: center; font-weight: bold; }
svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
.charts { display: flex; gap: 2em; flex-wrap: wrap; }
details.student { border: 1px solid #ddd; border-radius: 8px; padding: .5em 1em; margin: .6em 0; }
details.student > summary { cursor: pointer; font-weight: 600; }
.lab { margin: .6em 0 .6em 1em; }
pre { background: #f6f8fa; padding: .6em; overflow-x: auto; white-space: pre-wrap; font-size: 13px; }
figure.diagram { margin: .6em 0; overflow-x: auto; } figure.diagram svg { max-width: 100%; height: auto; }
.banner { background: #fdecea; border: 1px solid #b3261e; padding: .6em 1em; border-radius: 8px; }
</style>
</head>
<body>
<h1>racelab gradebook</h1>
<p>{{len .G.Submissions}} submissions, {{len .G.Labs}} labs, each lab run {{.G.Runs}} times{{if .G.Shard}}; shard {{.G.Shard}}{{end}}.</p>
{{if eq .G.Sandbox "none"}}<p class="banner" id="unsandboxed">Graded <b>without a sandbox</b> (--sandbox=none): student code ran with the grader's rights.</p>{{end}}

<section id="overview">
<h2>Class overview</h2>
<div class="kpis">
<div class="kpi">submissions<b id="kpi-submissions">{{len .G.Submissions}}</b></div>
<div class="kpi">graded<b id="kpi-graded">{{.Graded}}</b></div>
<div class="kpi">could not be graded<b id="kpi-errors">{{.Errors}}</b></div>
<div class="kpi">mean score<b id="kpi-mean">{{.Mean}}</b></div>
<div class="kpi">median score<b id="kpi-median">{{.Median}}</b></div>
</div>
<div class="charts">
<figure id="chart-labs">
<figcaption>Pass rate per lab</figcaption>
<svg width="640" height="{{.LabChartH}}" role="img" aria-label="Pass rate per lab">
{{range .LabChart}}<g class="lab-bar"><text x="0" y="{{.Y}}" dy="14">{{.Label}}</text>
<rect x="{{.X}}" y="{{.Y}}" width="400" height="{{.H}}" fill="#eef0f3"></rect>
<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="#34a853"></rect>
<text x="{{.TextX}}" y="{{.Y}}" dy="14">{{.Text}}</text></g>
{{end}}</svg>
</figure>
<figure id="chart-scores">
<figcaption>Score distribution (submissions per score band, in %)</figcaption>
<svg width="560" height="175" role="img" aria-label="Score distribution">
{{range .Distribution}}<g class="score-bar"><rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="#4285f4"></rect>
<text x="{{.TextX}}" y="{{.Y}}" dy="-3" text-anchor="middle">{{.Text}}</text>
<text x="{{.TextX}}" y="158" text-anchor="middle" font-size="10">{{.Label}}</text></g>
{{end}}</svg>
</figure>
</div>
<table id="labs">
<thead><tr><th>lab</th><th>title</th><th class="num">points</th><th class="num">passed</th><th class="num">pass rate</th><th>failures</th></tr></thead>
<tbody>
{{range .Stats}}<tr><td>{{.Lab.Name}}</td><td>{{.Lab.Title}}</td><td class="num">{{.Lab.Points}}</td><td class="num">{{.Passed}}/{{.Graded}}</td><td class="num">{{pct .Rate}}%</td><td>{{range $r, $n := .Reasons}}{{$r}} ×{{$n}} {{end}}</td></tr>
{{end}}</tbody>
</table>
</section>

<section id="submissions">
<h2>Submissions</h2>
<table id="students">
<thead><tr><th data-key="name">submission</th><th data-key="score" class="num">score</th><th data-key="percent" class="num">%</th>{{range .G.Labs}}<th data-key="{{.Name}}" title="{{.Title}}">{{.Name}}</th>{{end}}<th data-key="status">status</th></tr></thead>
<tbody>
{{range .Rows}}<tr data-name="{{.S.Name}}">
<td data-key="name" data-v="{{.S.Name}}"><a href="#s-{{.S.Name}}">{{.S.Name}}</a></td>
<td data-key="score" data-v="{{if eq .S.Status "graded"}}{{.S.Score}}{{else}}-1{{end}}" class="num">{{if eq .S.Status "graded"}}{{.S.Score}}/{{.S.Max}}{{else}}–{{end}}</td>
<td data-key="percent" data-v="{{if eq .S.Status "graded"}}{{.S.Percent}}{{else}}-1{{end}}" class="num">{{if eq .S.Status "graded"}}{{pct .S.Percent}}{{else}}–{{end}}</td>
{{range .Cells}}<td data-key="{{.Lab}}" data-v="{{.Class}}" class="{{.Class}}" title="{{.Title}}">{{.Mark}}</td>{{end}}
<td data-key="status" data-v="{{.S.Status}}">{{.S.Status}}</td>
</tr>
{{end}}</tbody>
</table>
</section>

<section id="feedback">
<h2>Feedback</h2>
{{range .G.Submissions}}{{$student := .Name}}<details class="student" id="s-{{.Name}}">
<summary>{{.Name}} — {{if eq .Status "graded"}}{{.Score}}/{{.Max}} ({{pct .Percent}}%){{else}}could not be graded{{end}}</summary>
{{if .Error}}<p class="error">Could not be graded: {{.Error}}</p>{{end}}
{{if .Source}}<p>Read from: {{.Source}}</p>{{end}}
{{range .Notes}}<p class="warn">Note: {{.}}</p>{{end}}
{{if .Protected}}<p class="warn">Changed files the grader does not take from a submission (graded with the instructor's copies): {{join .Protected ", "}}</p>{{end}}
{{if .Ignored}}<p class="warn">Added files the grader ignores (only each lab's editable files count): {{join .Ignored ", "}}</p>{{end}}
{{range .Labs}}<div class="lab {{.Status}}-lab">
{{if eq .Status "pass"}}<p class="pass">✓ {{.Lab}} passes ({{.Points}}/{{.Max}})</p>
{{else}}<p class="{{.Status}}">✗ {{.Lab}} ({{.Points}}/{{.Max}}): {{.Message}}</p>
{{with diagram $student .}}<figure class="diagram">{{.}}</figure>
{{end}}{{if .Details}}<pre>{{join .Details "\n"}}</pre>{{end}}{{end}}
</div>
{{end}}</details>
{{end}}</section>

<script>
// Sort the submissions table by a column: click a header (again to reverse),
// or open the page at #sort=KEY or #sort=-KEY (descending); #s-NAME opens a
// student's feedback. Both may be given: #sort=-percent&s-alice.
(function () {
  var table = document.getElementById("students");
  var body = table.tBodies[0];
  function value(row, key) {
    var c = row.querySelector('td[data-key="' + key + '"]');
    return c ? c.getAttribute("data-v") : "";
  }
  function sortBy(key, desc) {
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, key), y = value(b, key);
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      if (c === 0) c = value(a, "name").localeCompare(value(b, "name"));
      return desc ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    table.setAttribute("data-sorted", (desc ? "-" : "") + key);
  }
  Array.prototype.forEach.call(table.querySelectorAll("th[data-key]"), function (th) {
    th.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      sortBy(key, table.getAttribute("data-sorted") === key);
    });
  });
  function fromHash() {
    decodeURIComponent(location.hash.slice(1)).split("&").forEach(function (h) {
      if (h.indexOf("sort=") === 0) {
        var k = h.slice(5);
        sortBy(k.replace(/^-/, ""), k.charAt(0) === "-");
      } else if (h.indexOf("s-") === 0) {
        var d = document.getElementById(h);
        if (d) { d.open = true; d.scrollIntoView(); }
      }
    });
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
</script>
</body>
</html>
`))

// diagram is the SVG of a failed lab's race, deadlock or leak, drawn for
// the student's feedback in the language the grader wrote it in, or
// nothing. The SVG goes into the page as it is: explain.Diagram.SVG
// escapes everything the student's files put into it (lines of code,
// names), as html/template would. Its ids are made from the student and
// the lab, so that every diagram on the page has its own.
func diagram(student string, r LabResult) template.HTML {
	if r.Diagram == nil {
		return ""
	}
	lang := r.Diagram.Lang
	if lang == "" {
		lang = i18n.EN
	}
	h := fnv.New32a()
	h.Write([]byte(student + "\x00" + r.Lab))
	return template.HTML(r.Diagram.SVG(lang, fmt.Sprintf("%s-%08x", r.Lab, h.Sum32())))
}
