package coursemap

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/lab"
)

// root is the repository, seen from this package.
const root = "../../.."

func readDoc(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, rel))
	require.NoError(t, err)
	return string(b)
}

// A glossary entry: "### term", then "**ID:** …", then one "- **EN** …" and
// one "- **ID** …" line.
type entry struct {
	term, id, en, idDef string
	concepts            []string
}

var conceptTag = regexp.MustCompile("`([a-z-]+)`")

func glossaryEntries(t *testing.T) []entry {
	t.Helper()
	var entries []entry
	lines := strings.Split(readDoc(t, "docs/glossary.md"), "\n")
	for i, line := range lines {
		term, ok := strings.CutPrefix(line, "### ")
		if !ok {
			continue
		}
		e := entry{term: term}
		for _, l := range lines[i+1:] {
			if strings.HasPrefix(l, "#") || l == "" {
				break
			}
			switch {
			case strings.HasPrefix(l, "**ID:** "):
				e.id = l
				if _, tags, ok := strings.Cut(l, "**concept / konsep:**"); ok {
					for _, m := range conceptTag.FindAllStringSubmatch(tags, -1) {
						e.concepts = append(e.concepts, m[1])
					}
				}
			case strings.HasPrefix(l, "- **EN** "):
				e.en = l
			case strings.HasPrefix(l, "- **ID** "):
				e.idDef = l
			}
		}
		entries = append(entries, e)
	}
	return entries
}

// The glossary grows with the vocabulary: every concept a lab.toml may name
// has an entry, and every entry's concepts are ones a lab.toml may name.
func TestGlossaryHasEveryConcept(t *testing.T) {
	tagged := map[string]bool{}
	for _, e := range glossaryEntries(t) {
		for _, c := range e.concepts {
			tagged[c] = true
			assert.True(t, slices.Contains(lab.Concepts(), c), "glossary entry %q names concept %q, which lab.Concepts() does not have", e.term, c)
		}
	}
	for _, c := range lab.Concepts() {
		assert.True(t, tagged[c], "no glossary entry names the concept %q: add one to docs/glossary.md with `**concept / konsep:** `%s``, defined in both languages", c, c)
	}
}

// Every entry has its Indonesian term and a one-line definition in each
// language, and the A–Z index leads to it.
func TestGlossaryEntries(t *testing.T) {
	entries := glossaryEntries(t)
	require.NotEmpty(t, entries)
	index := readDoc(t, "docs/glossary.md")
	_, index, _ = strings.Cut(index, "## Index A–Z")
	var indexed []string
	for _, l := range links(index) {
		indexed = append(indexed, strings.TrimPrefix(l, "#"))
	}
	for _, e := range entries {
		assert.NotEmpty(t, e.id, "%q: say the Indonesian term on a line \"**ID:** …\" under the heading", e.term)
		assert.NotEmpty(t, e.en, "%q: define it in English on a line \"- **EN** …\"", e.term)
		assert.NotEmpty(t, e.idDef, "%q: define it in Bahasa Indonesia on a line \"- **ID** …\"", e.term)
		assert.Contains(t, indexed, Anchor(e.term), "%q is not in the index A–Z", e.term)
	}
}

// The course's chosen Indonesian words, the same everywhere: in the
// Indonesian text a lock is a kunci, a leak a kebocoran, a fixture
// perlengkapan, an idea an ide (code and quoted Go comments aside).
func TestIndonesianTerms(t *testing.T) {
	avoid := regexp.MustCompile(`(?i)\bgagasan|\bleak\b|\bfixture\b|\block\b`)
	code := regexp.MustCompile("`[^`]*`|\\]\\([^)]*\\)") // code, and where links lead
	var lines []string
	for _, l := range strings.Split(readDoc(t, "docs/glossary.md"), "\n") {
		if strings.HasPrefix(l, "- **ID** ") {
			lines = append(lines, l)
		}
	}
	_, id, _ := strings.Cut(readDoc(t, "docs/which-tool.md"), "# Alat mana, kapan")
	lines = append(lines, strings.Split(id, "\n")...)
	for _, l := range lines {
		if m := avoid.FindString(code.ReplaceAllString(l, "")); m != "" {
			t.Errorf("%q in the Indonesian text: the course says kunci, kebocoran, perlengkapan, ide/Idenya\n%s", m, l)
		}
	}
}

// Every link of the course's pages lands: the file exists and so does the
// heading it points at. Links into a lab land once the labs are in the
// course's parts (the pages name the labs by their numbers in parts).
func TestDocLinksLand(t *testing.T) {
	labs, err := lab.Discover(root)
	require.NoError(t, err)
	inParts := slices.ContainsFunc(labs, func(l *lab.Lab) bool { return l.Part != 0 })
	var skipped []string
	for _, doc := range []string{"docs/glossary.md", "docs/which-tool.md", "labs/README.md"} {
		page := readDoc(t, doc)
		for _, link := range links(page) {
			if strings.Contains(link, "://") {
				continue
			}
			file, frag, _ := strings.Cut(link, "#")
			target := doc
			if file != "" {
				target = filepath.ToSlash(filepath.Join(filepath.Dir(doc), file))
			}
			if strings.HasPrefix(target, "labs/") && target != "labs/README.md" && !inParts {
				skipped = append(skipped, doc+": "+link)
				continue
			}
			body, err := os.ReadFile(filepath.Join(root, target))
			if !assert.NoError(t, err, "%s: link %q: no such file", doc, link) {
				continue
			}
			if frag != "" {
				assert.Contains(t, headingAnchors(string(body)), frag, "%s: link %q: %s has no such heading", doc, link, target)
			}
		}
	}
	if len(skipped) > 0 {
		t.Logf("%d links into labs not checked: no lab names its part yet, and the pages name the labs by their numbers in parts", len(skipped))
	}
}

// The three rules of the course notes, word for word, in both languages.
func TestWhichToolQuotesTheNotes(t *testing.T) {
	page := readDoc(t, "docs/which-tool.md")
	for _, rule := range []string{
		"**WaitGroup**: wait until the writes are done.",
		"**Channel blocking**: goroutines hand off to each other and wait for each other.",
		"**Mutex**: the order of the reads and writes doesn't matter, only that the accesses never overlap.",
		"**WaitGroup**: tunggu sampai penulisannya selesai.",
		"**Channel blocking**: goroutine saling menyerahkan dan saling menunggu.",
		"**Mutex**: urutan pembacaan dan penulisan tidak penting, asalkan aksesnya tidak pernah bertumpang-tindih.",
	} {
		assert.Contains(t, page, rule)
	}
	en, id, ok := strings.Cut(page, "# Alat mana, kapan")
	require.True(t, ok, "the Indonesian half starts at \"# Alat mana, kapan\"")
	assert.Equal(t, tableRows(en), tableRows(id), "the English and Indonesian tables have the same number of situations")
	// A lab link says the lab's number, and each half links its own README.
	labLink := regexp.MustCompile(`\[(\d{2})\]\(\.\./labs/(\d{2})-[a-z0-9-]+/(README(?:\.id)?\.md)\)`)
	for half, want := range map[string]string{en: "README.md", id: "README.id.md"} {
		matches := labLink.FindAllStringSubmatch(half, -1)
		assert.NotEmpty(t, matches)
		for _, m := range matches {
			assert.Equal(t, m[1], m[2], "%s: the link's text is not the lab's number", m[0])
			assert.Equal(t, want, m[3], "%s: link the README in the table's language", m[0])
		}
	}
}

func tableRows(page string) int {
	n := 0
	for _, l := range strings.Split(page, "\n") {
		if strings.HasPrefix(l, "| ") && !strings.HasPrefix(l, "| ---") {
			n++
		}
	}
	return n
}
