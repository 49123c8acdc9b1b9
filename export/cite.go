package export

import (
	"context"

	"github.com/clippings/clippings/archive"
)

// Citation keys are the archive's: each article got its key when it was
// first imported (archive.CitationKeyBase), so the same article has the
// same key in every export. An article without one (an archive being
// written meanwhile) gets the rule's key, made unique in the export.

// loadKeys gives every entry its citation key.
func (j *job) loadKeys(ctx context.Context) error {
	ids := make([]int64, len(j.entries))
	for i, e := range j.entries {
		ids[i] = e.ID
	}
	keys, err := j.src.CitationKeys(ctx, ids)
	if err != nil {
		return err
	}
	taken := map[string]bool{}
	for _, e := range j.entries {
		e.Key = keys[e.ID]
		taken[e.Key] = true
	}
	for _, e := range j.entries {
		if e.Key != "" {
			continue
		}
		base := archive.CitationKeyBase(e.Meta)
		e.Key = base
		for n := 0; taken[e.Key]; n++ {
			e.Key = base + archive.KeySuffix(n)
		}
		taken[e.Key] = true
	}
	return nil
}
