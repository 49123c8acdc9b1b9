-- 0008_settings: settings that belong to the archive rather than to one
-- window or command line, such as how many automatic backups to keep
-- (backups.go), so that the window and the command line agree.
CREATE TABLE settings (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
