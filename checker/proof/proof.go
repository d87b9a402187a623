// Package proof is the evidence a grader trusts that a lab's tests passed:
// the lab harness prints an HMAC, under a secret the grader hands it for one
// run, once every script of the lab has passed. The lab's program shares
// the test process but never sees the secret, so output it prints, however
// much it looks like passing tests, carries no proof.
//
// The harness takes the key out of the environment before package main is
// initialised and makes the process non-dumpable; the lab's static checks
// (checker/labvet/confine) refuse the imports that could dig it out anyway.
package proof

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// EnvKey names the variable that carries the key (hex) to the test binary.
const EnvKey = "RACELAB_PROOF_KEY"

// Mark opens the proof line the harness prints on stdout.
const Mark = "racelab: proof "

// message is what the proof signs: the lab's tests all ran and passed.
const message = "racelab: every script of the lab passed"

// MinKey is the shortest key the harness accepts, in bytes.
const MinKey = 16

// NewKey returns a fresh random key and its hex form for EnvKey.
func NewKey() (key []byte, env string, err error) {
	key = make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, "", fmt.Errorf("proof key: %w", err)
	}
	return key, EnvKey + "=" + hex.EncodeToString(key), nil
}

// ParseKey decodes the value of EnvKey.
func ParseKey(v string) ([]byte, error) {
	key, err := hex.DecodeString(v)
	if err != nil || len(key) < MinKey {
		return nil, fmt.Errorf("%s: want at least %d bytes in hex", EnvKey, MinKey)
	}
	return key, nil
}

// Sign returns the proof a passing run under key prints after Mark.
func Sign(key []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(message))
	return hex.EncodeToString(mac.Sum(nil))
}

// Line is the whole line a passing run under key prints.
func Line(key []byte) string { return Mark + Sign(key) }

// In reports whether output holds the proof for key on a line of its own.
func In(output string, key []byte) bool {
	want := Line(key)
	for line := range strings.Lines(output) {
		if strings.TrimRight(line, "\r\n") == want {
			return true
		}
	}
	return false
}
