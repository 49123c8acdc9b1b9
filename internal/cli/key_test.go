package cli

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if code, out, errs := clippings(t, "import", "--archive", db, samples(t)); code != 0 {
		t.Fatalf("import exit %d\n%s%s", code, out, errs)
	}
	_, out, _ := clippings(t, "search", "--archive", db, "--json", "denuclearisation")
	var hits []hitJSON
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 {
		t.Fatalf("search: %v\n%s", err, out)
	}
	id := strconv.FormatInt(hits[0].ID, 10)
	// The sample names no author, site or date.
	code, key, errs := clippings(t, "key", "--archive", db, id)
	if code != 0 || strings.TrimSpace(key) != "anonndchina" {
		t.Fatalf("key: exit %d, %q %s", code, key, errs)
	}
	if code, out, _ := clippings(t, "key", "--archive", db, id, "kim:summit-2019"); code != 0 || out != "kim:summit-2019\n" {
		t.Errorf("key set: exit %d, %q", code, out)
	}
	if code, _, errs := clippings(t, "key", "--archive", db, id, "no spaces"); code != 1 || !strings.Contains(errs, "invalid") {
		t.Errorf("a malformed key: exit %d, %q", code, errs)
	}
	_, out, _ = clippings(t, "search", "--archive", db, "--json", "key:kim:summit-2019")
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 || strconv.FormatInt(hits[0].ID, 10) != id {
		t.Errorf("key:kim:summit-2019 finds %s", out)
	}
}
