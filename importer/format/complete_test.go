package format

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// hostileSave copies testdata/complete into a temporary folder "site",
// puts a secret file beside that folder, and adds two symlinks in
// "Tiny Article_files": link.png leading out to the secret, alias.png to
// photo.png inside. It returns the HTML path and the secret's bytes.
func hostileSave(t *testing.T) (string, []byte) {
	t.Helper()
	tmp := t.TempDir()
	site := filepath.Join(tmp, "site")
	if err := os.CopyFS(site, os.DirFS(filepath.Join("testdata", "complete"))); err != nil {
		t.Fatal(err)
	}
	secret := readTestdata(t, "secret.png")
	if err := os.WriteFile(filepath.Join(tmp, "secret.png"), secret, 0o644); err != nil {
		t.Fatal(err)
	}
	files := filepath.Join(site, "Tiny Article_files")
	if err := os.Symlink(filepath.Join("..", "..", "secret.png"), filepath.Join(files, "link.png")); err != nil {
		t.Skipf("symlinks not available: %v", err)
	}
	if err := os.Symlink("photo.png", filepath.Join(files, "alias.png")); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(site, "Tiny Article.html"), secret
}

func TestComplete(t *testing.T) {
	htmlPath, secret := hostileSave(t)
	p, err := Complete(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.URL, "https://www.example.com/news/2024/tide-mills.htm"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if got, want := p.Format, FormatComplete; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	var keys []string
	for k, r := range p.Resources {
		keys = append(keys, k+" "+r.MIME)
		if bytes.Equal(r.Data, secret) {
			t.Errorf("resource %q holds the secret from outside the page's folder", k)
		}
	}
	sort.Strings(keys)
	want := "Tiny Article_files/alias.png image/png, Tiny Article_files/bg.gif image/gif, " +
		"Tiny Article_files/photo.png image/png, Tiny Article_files/style.css text/css"
	if got := strings.Join(keys, ", "); got != want {
		t.Errorf("resources\n %s\nwant\n %s", got, want)
	}
	for ref, found := range map[string]bool{
		"./Tiny%20Article_files/photo.png":    true,
		"Tiny Article_files/photo.png?v=2":    true,
		"./Tiny Article_files/alias.png":      true,
		"../secret.png":                       false,
		"/etc/passwd":                         false,
		"file:///etc/passwd":                  false,
		"Tiny Article_files/../../secret.png": false,
		"%2e%2e/secret.png":                   false,
		"./Tiny Article_files/link.png":       false,
		`C:\Windows\win.ini`:                  false,
		"./Tiny Article_files/missing.jpg":    false,
	} {
		if _, ok := p.Resource(ref); ok != found {
			t.Errorf("Resource(%q) found = %v, want %v", ref, ok, found)
		}
	}
}

func TestCompleteSample(t *testing.T) {
	p, err := Complete(corpusFile(t, "complete/nytimes-oscars-2017-chrome/2017 Oscar Ballot - The New York Times.html"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.URL, "https://www.nytimes.com/interactive/2017/movies/oscars-2017-nominees-ballot.html?_r=0"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	// 38 JPEG, 2 PNG and 2 CSS files; the 14 scripts are missing on purpose.
	if got, want := len(p.Resources), 42; got != want {
		t.Errorf("%d resources, want %d", got, want)
	}
	if got, want := countMIME(p, "image/"), 40; got != want {
		t.Errorf("%d images, want %d", got, want)
	}
	if got, want := p.Charset, "utf-8"; got != want {
		t.Errorf("Charset = %q, want %q", got, want)
	}
}

func TestCompleteErrors(t *testing.T) {
	if _, err := Complete(filepath.Join(t.TempDir(), "nope.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want os.ErrNotExist", err)
	}
	big := filepath.Join(t.TempDir(), "big.html")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, DefaultMaxRecordSize+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	if _, err := Complete(big); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.html") {
		t.Errorf("big file: err = %v, want ErrTooLarge naming the file", err)
	}
}

// TestCompleteReadsOnlyItsFilesFolder: a save reads the files of its own
// NAME_files/ folder, never an image beside the page, in another folder
// or in another page's folder, whatever the page references.
func TestCompleteReadsOnlyItsFilesFolder(t *testing.T) {
	htmlPath, _ := hostileSave(t)
	site := filepath.Dir(htmlPath)
	photo := readTestdata(t, "secret.png")
	for _, name := range []string{"beside.png", "other/x.png", "Other Page_files/y.png", "Tiny Article_files/sub/z.png"} {
		os.MkdirAll(filepath.Join(site, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(site, name), photo, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := os.ReadFile(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	doc = append(doc, `<img src="beside.png"><img src="./other/x.png"><img src="Other%20Page_files/y.png">
		<img src="Tiny Article_files/sub/z.png"><img src="Tiny Article_files/../beside.png">`...)
	if err := os.WriteFile(htmlPath, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Complete(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	for ref, found := range map[string]bool{
		"beside.png": false, "other/x.png": false, "Other Page_files/y.png": false,
		"Tiny Article_files/../beside.png": false, "Tiny Article_files/sub/z.png": true, "Tiny Article_files/photo.png": true,
	} {
		if _, ok := p.Resource(ref); ok != found {
			t.Errorf("Resource(%q) found = %v, want %v", ref, ok, found)
		}
	}
}
