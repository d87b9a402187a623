// Do not edit: part of the lab's fixture.

// Package corpus makes up the documents that command words counts. The
// program and the lab's tests both take them from here, so the tests know
// how many words a batch holds without trusting the program.
package corpus

import (
	"math/rand/v2"
	"strings"
)

// vocabulary is what the documents are written in.
var vocabulary = []string{
	"goroutine", "channel", "mutex", "kopi", "teh", "nasi", "goreng", "data",
	"server", "antrian", "pesan", "kirim", "terima", "tunggu", "selesai",
	"jalan", "cepat", "lambat", "bersama", "satu", "dua", "tiga", "race",
	"memory", "main", "print", "total", "hitung", "kata", "dokumen",
}

// separators are the gaps between words: a word counter must not care
// which one it meets.
var separators = []string{" ", " ", " ", "  ", "\n", "\t", " \n", "\n\n"}

// Document returns document i of the batch that seed picks: from 100 to
// 499 words separated by spaces, tabs and line breaks. The same seed and i
// always give the same document.
func Document(seed, i int) string {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	words := 100 + r.IntN(400)
	var b strings.Builder
	for w := range words {
		if w > 0 {
			b.WriteString(separators[r.IntN(len(separators))])
		}
		b.WriteString(vocabulary[r.IntN(len(vocabulary))])
	}
	return b.String()
}
