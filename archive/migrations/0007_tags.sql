-- 0007_tags: tag names in one normal form. Earlier versions stored the
-- names that came with captures and bundles as they were ("/lead",
-- "a//b", "trail/", a NUL byte), beside their normal forms ("lead",
-- "a/b", "trail"), where they could be neither found, renamed nor
-- deleted. The step in Go that runs after this file (normaliseTags,
-- tagnames.go) renames each such tag to its normal form, or merges it into
-- the tag of that name; a name that was nothing but slashes, spaces and
-- control characters becomes "unnamed". No schema change.
SELECT 1;
