// Package audit declares the data krakend audit hands to its -f template, with the same type names, fields
// and JSON tags as github.com/krakend/krakend-audit, so that %v, error messages and json.Marshal print
// exactly what KrakenD prints.
package audit

// AuditResult is what the template receives as dot.
type AuditResult struct {
	Recommendations []Recommendation `json:"recommendations"`
	Stats           Stats            `json:"stats"`
}

// Recommendation is one rule that fired.
type Recommendation struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// Stats is empty, as in KrakenD.
type Stats struct{}
