package main

import (
	"testing"

	"github.com/racelab/racelab/labs/internal/harness"
)

func TestMain(m *testing.M) { harness.Main(m, "bank", main) }

func TestLab(t *testing.T) { harness.Run(t) }
