package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Under LANG=C.UTF-8 (Debian's and Ubuntu's default in containers) a
// command prints nothing on stderr: Fyne used to complain there that it
// could not parse the locale "C" (see app/syslocale).
func TestCLocaleQuiet(t *testing.T) {
	page := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(page, []byte(`<html><head><title>Quiet</title></head><body><article><p>Nothing to say on stderr.</p></article></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "extract", "--json", page)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "LC_") && !strings.HasPrefix(kv, "LANG") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, childEnv+"=cli", "LANG=C.UTF-8")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("extract: %v\n%s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr under LANG=C.UTF-8:\n%s", stderr.String())
	}
	if !bytes.Contains(stdout.Bytes(), []byte(`"Quiet"`)) {
		t.Errorf("stdout lacks the title: %.200s", stdout.String())
	}
}
