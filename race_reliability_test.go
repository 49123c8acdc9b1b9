//go:build race

package main

// raceDetector is true in a -race build, whose processes use several
// times the memory: the reliability tests' memory bounds allow for it.
const raceDetector = true
