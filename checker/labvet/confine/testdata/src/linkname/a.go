// Package linkname pulls another package's private variable. analysistest
// cannot take a want comment on a directive's line, so the test reads the
// diagnostics itself.
package linkname

import _ "example.com/harness" // want `import "example.com/harness" is not allowed`

//go:linkname secret example.com/harness.secret
var secret []byte

var _ = secret
