package gradebook

import (
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// JUnit XML: a test suite per submission, a test case per lab. It is
// written to validate against both schemas CI systems use: Jenkins'
// junit-4.xsd and the strict one of Ant's JUnit task (windyroad's
// JUnit.xsd). Where they differ it takes the stricter:
//
//   - <testsuites> carries no attributes (Ant allows none);
//   - every suite has Ant's required attributes (package, id, timestamp
//     without a zone, hostname) and its <properties>, <system-out> and
//     <system-err>; <properties> holds at least one <property> (Jenkins
//     requires one);
//   - a test case holds at most one of <failure> or <error>, each with a
//     type (Ant requires it).
//
// A failed lab is a <failure> typed with its reason; a lab the grader could
// not grade, or a submission it could not read, is an <error>: not the
// student's failure.
//
// Times are each lab's own test time (LabResult.TimeMS: its share of the
// grader's clock while its judge runs were in progress), so a suite's time
// is the sum of its cases' and the suites of one grading add up to at most
// the time it took. hostname is "localhost", as Ant's schema asks when the
// host is not to be told: which machine graded is the grader's business,
// and shards on several machines merge into one file.

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Package    string          `xml:"package,attr"`
	ID         int             `xml:"id,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Hostname   string          `xml:"hostname,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
	SystemOut  string          `xml:"system-out"`
	SystemErr  string          `xml:"system-err"`
}

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

func seconds(ms int64) string { return strconv.FormatFloat(float64(ms)/1000, 'f', 3, 64) }

// JUnit writes the class as JUnit XML.
func JUnit(g *Gradebook) []byte {
	all := junitSuites{}
	for i, s := range g.Submissions {
		su := junitSuite{
			Name: s.Name, Package: "racelab", ID: i, Hostname: "localhost",
			Timestamp: time.UnixMilli(s.StartedMS).UTC().Format("2006-01-02T15:04:05"),
			Properties: []junitProperty{
				{"racelab.runs", strconv.Itoa(g.Runs)},
				{"racelab.sandbox", g.Sandbox},
				{"racelab.score", strconv.Itoa(s.Score) + "/" + strconv.Itoa(s.Max)},
			},
		}
		for _, p := range s.Protected {
			su.Properties = append(su.Properties, junitProperty{"racelab.protected_changed", p})
		}
		for _, p := range s.Ignored {
			su.Properties = append(su.Properties, junitProperty{"racelab.ignored", p})
		}
		if note := protectedNote(s.Protected); note != "" {
			su.SystemOut = note + "\n"
		}
		var total int64
		if s.Status == Error {
			su.Cases = append(su.Cases, junitCase{Name: "grading", Classname: s.Name, Time: seconds(0),
				Error: &junitProblem{Message: s.Error, Type: "error", Text: s.Error}})
			su.Errors++
		}
		for _, r := range s.Labs {
			tc := junitCase{Name: r.Lab, Classname: s.Name, Time: seconds(r.TimeMS)}
			total += r.TimeMS
			text := strings.Join(append([]string{r.Message}, r.Details...), "\n")
			if r.Build != "" {
				text += "\n\n" + r.Build
			}
			switch {
			case r.Status == Error:
				tc.Error = &junitProblem{Message: r.Message, Type: "error", Text: text}
				su.Errors++
			case r.Status != Pass:
				tc.Failure = &junitProblem{Message: r.Message, Type: r.Reason, Text: text}
				su.Failures++
			}
			su.Cases = append(su.Cases, tc)
		}
		su.Tests = len(su.Cases)
		su.Time = seconds(total)
		all.Suites = append(all.Suites, su)
	}
	data, err := xml.MarshalIndent(all, "", "  ")
	if err != nil {
		panic(err) // only plain data types are marshalled
	}
	return append(append([]byte(xml.Header), data...), '\n')
}
