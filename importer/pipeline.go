package importer

import "fmt"

// A step is one named stage of a reader's pipeline. It works on the
// reader's state (a *textPage, an *htmlPage, …) and returns an error only
// when the input cannot be read at all.
type step[T any] struct {
	name string
	run  func(T) error
}

// runSteps runs steps in order on state, stopping at the first error,
// which it wraps with the step's name.
func runSteps[T any](state T, steps []step[T]) error {
	for _, s := range steps {
		if err := s.run(state); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}
