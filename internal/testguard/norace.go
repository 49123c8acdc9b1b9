//go:build !race

package testguard

// Race is true when the tests run under the race detector, which makes
// decompression and decoding 10 to 30 times slower.
const Race = false
