package platformspec

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

//go:embed xsd/*.xsd
var schemas embed.FS

// JUnitSchemas are the schemas a JUnit file must satisfy, by file name.
var JUnitSchemas = []string{"jenkins-junit.xsd", "ant-junit.xsd"}

// ErrNoValidator is returned when xmllint is not installed.
var ErrNoValidator = errors.New("xmllint not installed (apt-get install libxml2-utils)")

// JUnit validates a JUnit XML file against every schema of JUnitSchemas
// with xmllint, a real XML Schema validator, and returns what it reported.
func JUnit(xmlFile string) error {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		return ErrNoValidator
	}
	dir, err := os.MkdirTemp("", "racelab-xsd-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var errs []error
	for _, name := range JUnitSchemas {
		data, err := schemas.ReadFile("xsd/" + name)
		if err != nil {
			return err
		}
		xsd := filepath.Join(dir, name)
		if err := os.WriteFile(xsd, data, 0o600); err != nil {
			return err
		}
		out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, xmlFile).CombinedOutput()
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w\n%s", name, err, out))
		}
	}
	return errors.Join(errs...)
}
