package tested

import "testing" // want `import "testing" is not allowed in a lab file`

var _ = testing.Short
