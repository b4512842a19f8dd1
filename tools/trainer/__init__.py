"""The trainer edition: its configuration and table of contents, generated from the learner
edition's, and the check that no teaching note reaches the learner edition."""
