package gradebook

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless-capable Chromium; CI installs Debian's.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is missing in CI: .ci/run must install it")
	}
	t.Skip("chromium not installed (apt-get install chromium)")
	return ""
}

// TestReportInBrowser loads the report in headless Chromium, with its
// script run, and checks what a reader sees: the class overview, the table
// sorted by score through the page's own sorting code, and one student's
// feedback opened from the link.
func TestReportInBrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	if err := WriteAll(dir, class()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	url := "file://" + filepath.Join(dir, HTMLFile) + "#sort=-percent&s-bob"
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--dump-dom", url)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	for _, want := range []string{
		`<h2>Class overview</h2>`,
		`id="kpi-submissions">5<`, `id="kpi-graded">4<`, `id="kpi-errors">1<`, `id="kpi-mean">50.0%<`,
		`Pass rate per lab`, `50.0% (2/4)`, `Score distribution`,
		`data-sorted="-percent"`,
		`the race detector saw two goroutines touch the same memory`,
		`squares.go:21: written here`,
		`labs/01-waitgroup/lab_test.go`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	var order []string
	for _, m := range regexp.MustCompile(`<tr data-name="([^"]+)"`).FindAllStringSubmatch(dom, -1) {
		order = append(order, m[1])
	}
	if got := strings.Join(order, " "); got != "alice bob carol eve&lt;script&gt;alert(1)&lt;/script&gt; dave" {
		t.Errorf("rows sorted by score, best first, error rows last: got %s", got)
	}
	if !regexp.MustCompile(`<details class="student" id="s-bob" open="">`).MatchString(dom) {
		t.Errorf("bob's feedback is not open after following #s-bob")
	}
	if regexp.MustCompile(`<details class="student" id="s-alice" open`).MatchString(dom) {
		t.Errorf("alice's feedback opened although not asked for")
	}
	if strings.Contains(dom, "<script>alert(1)") {
		t.Errorf("a student's name was run as markup")
	}
}
