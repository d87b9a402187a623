package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewCopiesAndReplaces(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(root, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	write("go.mod", "module m\n")
	write("labs/01-x/a.go", "shipped")
	write("labs/01-x/testdata/s.txtar", "# script")
	write("solutions/01-x/a.go", "answer")
	write(".git/HEAD", "ref")
	require.NoError(t, os.Symlink("/etc/passwd", filepath.Join(root, "labs/01-x/link")))

	ws, err := New(root, t.TempDir(), map[string][]byte{"labs/01-x/a.go": []byte("fixed")})
	require.NoError(t, err)
	defer ws.Remove()

	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(ws.Dir, rel))
		if err != nil {
			return "<missing>"
		}
		return string(b)
	}
	assert.Equal(t, "fixed", read("labs/01-x/a.go"))
	assert.Equal(t, "# script", read("labs/01-x/testdata/s.txtar"))
	assert.Equal(t, "module m\n", read("go.mod"))
	assert.Equal(t, "<missing>", read("solutions/01-x/a.go"), "a copy must not carry the answers")
	assert.Equal(t, "<missing>", read(".git/HEAD"))
	_, err = os.Lstat(filepath.Join(ws.Dir, "labs/01-x/link"))
	assert.True(t, os.IsNotExist(err), "symbolic links are not copied")
	assert.Equal(t, "shipped", func() string { b, _ := os.ReadFile(filepath.Join(root, "labs/01-x/a.go")); return string(b) }(), "the original is untouched")
}

func TestWriteRefusesEscapes(t *testing.T) {
	ws := &Workspace{Dir: t.TempDir()}
	for _, bad := range []string{"../x.go", "/etc/x", "labs/../../x", ".", ""} {
		assert.Error(t, ws.Write(bad, []byte("x")), bad)
	}
	assert.NoError(t, ws.Write("labs/01-x/a.go", []byte("x")))
}
