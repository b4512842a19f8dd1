"""Self-check exercises: question banks (model and validation), their HTML, LMS export."""
