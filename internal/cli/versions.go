package cli

import (
	"context"
	"fmt"
	"strconv"

	"github.com/clippings/clippings/archive"
	"github.com/clippings/clippings/archive/versiondiff"
)

// runVersions lists the versions of an article, or with --diff shows
// what changed between two of them: the last two, or A and B.
func runVersions(ctx context.Context, c *cli, args []string) error {
	var asJSON, diff bool
	fs := c.archiveFlags()
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	fs.BoolVar(&diff, "diff", false, "show what changed between versions A and B (default: the one before the current, and the current)")
	rest, err := c.positional(fs, args, 1, 3)
	if err != nil {
		return err
	}
	ids, err := parseIDs(rest[0])
	if err != nil {
		return err
	}
	if len(rest) > 1 && !diff {
		fs.Usage()
		return errUsage
	}
	return c.withStore(ctx, func(s *archive.Store) error {
		if diff {
			return c.versionDiff(ctx, s, ids[0], rest[1:], asJSON)
		}
		vs, err := s.Versions(ctx, ids[0])
		return c.output(asJSON, vs, err, func() {
			for _, v := range vs {
				mark := " "
				if v.Current {
					mark = "*"
				}
				fmt.Fprintf(c.stdout, "%s %2d  captured %-16s  imported %s  %s  %s\n", mark, v.Number,
					versiondiff.Stamp(v.Captured), versiondiff.Stamp(v.Imported), v.FileName, v.Title)
			}
		})
	})
}

// versionDiff prints what changed between the versions numbered in
// nums (none: the last two; one: that one and the current).
func (c *cli) versionDiff(ctx context.Context, s *archive.Store, id int64, nums []string, asJSON bool) error {
	var ab [2]int
	for i, n := range nums {
		v, err := strconv.Atoi(n)
		if err != nil || v < 1 {
			return fmt.Errorf("%q is not a version number", n)
		}
		ab[i] = v
	}
	d, err := versiondiff.Load(ctx, s, id, ab[0], ab[1])
	return c.output(asJSON, d, err, func() { d.WriteText(c.stdout) })
}
