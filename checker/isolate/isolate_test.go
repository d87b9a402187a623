package isolate_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/racelab/racelab/checker/isolate"
)

func spec(t *testing.T) isolate.Spec {
	bwrap, err := exec.LookPath("bwrap")
	if err != nil {
		t.Skip("bubblewrap is not installed (apt-get install bubblewrap)")
	}
	prlimit, err := exec.LookPath("prlimit")
	require.NoError(t, err)
	return isolate.Spec{Bwrap: bwrap, Prlimit: prlimit, UID: -1, CPUSeconds: 10, Data: 1 << 30,
		FileSize: 16 << 20, Scratch: 16 << 20, System: isolate.SystemBinds()}
}

// run runs a shell script in the sandbox, with the shell copied from a
// folder whose path the sandbox must not reveal.
func run(t *testing.T, s isolate.Spec, script string, env []string) string {
	t.Helper()
	host := filepath.Join(t.TempDir(), "grader-private-path")
	require.NoError(t, os.MkdirAll(host, 0o755))
	sh, err := os.ReadFile("/bin/sh")
	require.NoError(t, err)
	bin := filepath.Join(host, "sh")
	require.NoError(t, os.WriteFile(bin, sh, 0o755))
	cmd, release, err := s.Command(context.Background(), bin, []string{"-c", script}, env)
	require.NoError(t, err)
	defer release()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	require.NoError(t, err, "%s", out.String())
	assert.NotContains(t, out.String(), "grader-private-path")
	return out.String()
}

// The sandbox's first process and its mounts show nothing of the grader:
// no host path, no variable but the program's own.
func TestNothingOfTheGraderShows(t *testing.T) {
	out := run(t, spec(t), `tr '\0' ' ' </proc/1/cmdline; echo; tr '\0' '\n' </proc/1/environ; cat /proc/self/mountinfo; pwd; ls /`,
		[]string{"GORACE=x", "RACELAB_JUDGED=1"})
	assert.Contains(t, out, "bwrap --args 3 -- /racelab/sh -c")
	assert.Contains(t, out, "GORACE=x\nRACELAB_JUDGED=1\n")
	assert.NotContains(t, out, "PATH=")
	assert.NotContains(t, out, os.TempDir()+"/")
	assert.Contains(t, out, "\n/tmp\n", "the working directory is the private tmpfs")
	assert.NotContains(t, out, "home")
	assert.NotContains(t, out, "etc")
}

func TestNoNetworkAndReadOnly(t *testing.T) {
	out := run(t, spec(t), `grep -v -c -e lo: -e Inter -e face /proc/net/dev; touch /usr/x 2>&1 || echo usr-ro; touch /tmp/x && echo tmp-rw; echo ok`, nil)
	assert.True(t, strings.HasPrefix(out, "0\n"), "no interface but loopback: %s", out)
	assert.Contains(t, out, "usr-ro")
	assert.Contains(t, out, "tmp-rw")
}

func TestParseSpec(t *testing.T) {
	s := isolate.Spec{Bwrap: "/usr/bin/bwrap", Prlimit: "/usr/bin/prlimit", UID: -1}
	got, err := isolate.ParseSpec(s.String())
	require.NoError(t, err)
	assert.Equal(t, s, got)
	_, err = isolate.ParseSpec(`{"bwrap":"/usr/bin/bwrap","uid":-1}`)
	assert.ErrorContains(t, err, "prlimit")
	_, err = isolate.ParseSpec(`{"prlimit":"/usr/bin/prlimit","uid":1000}`)
	assert.ErrorContains(t, err, "setpriv")
	_, err = isolate.ParseSpec(`{`)
	assert.Error(t, err)
}
