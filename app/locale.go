package app

// Read "C.UTF-8" as the C locale before Fyne's lang package looks at it
// (see the package's comment).
import _ "github.com/clippings/clippings/app/syslocale"
