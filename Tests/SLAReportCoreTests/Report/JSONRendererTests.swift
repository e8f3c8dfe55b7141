import Foundation
import Testing

@testable import SLAReportCore

@Suite struct JSONRendererTests {
    /// The tiny model's report, written by hand from SPEC §5.1 (key order, nulls, number forms).
    static let tinyExpected = #"""
        {
          "schema": "slareport/1",
          "tool": {
            "name": "slareport",
            "version": "0.1.0"
          },
          "window": {
            "since": null,
            "until": null,
            "as_of": "2016-11-21T00:00:00Z",
            "as_of_source": "in/e.csv:9"
          },
          "policy": {
            "name": "P \"q\"\u0001",
            "source": "built-in",
            "versions": [
              "2017-01-01"
            ]
          },
          "channels": [
            {
              "channel": "t",
              "name": "T",
              "tickets": 3,
              "left_out": 0,
              "first_reply": {
                "target": "1 business day",
                "goal": 90,
                "replied": 2,
                "judged": 2,
                "achieved": 1,
                "breached": 1,
                "open_overdue": 0,
                "pending": 1,
                "early": 0,
                "attainment": 50,
                "calendar_seconds": {
                  "p50": 4320,
                  "p90": 90000,
                  "p95": 90000,
                  "max": 90000,
                  "mean": 47160
                },
                "business_seconds": {
                  "p50": 4320,
                  "p90": 28800,
                  "p95": 28800,
                  "max": 28800,
                  "mean": 16560
                },
                "from_vendor_metric": 0
              },
              "next_reply": null,
              "requester_wait": null,
              "agent_work": null,
              "periodic_update": null,
              "resolution": {
                "solved": 1,
                "reopens": 0,
                "first_calendar_seconds": {
                  "p50": 7200,
                  "p90": 7200,
                  "p95": 7200,
                  "max": 7200,
                  "mean": 7200
                },
                "full_calendar_seconds": {
                  "p50": null,
                  "p90": null,
                  "p95": null,
                  "max": null,
                  "mean": null
                }
              },
              "previous": null
            },
            {
              "channel": "x",
              "name": "X",
              "tickets": 2,
              "left_out": 0,
              "first_reply": {
                "target": null,
                "goal": null,
                "replied": 1,
                "judged": null,
                "achieved": null,
                "breached": null,
                "open_overdue": null,
                "pending": null,
                "early": null,
                "attainment": null,
                "calendar_seconds": {
                  "p50": 60,
                  "p90": 60,
                  "p95": 60,
                  "max": 60,
                  "mean": 60
                },
                "business_seconds": null,
                "from_vendor_metric": 0
              },
              "next_reply": null,
              "requester_wait": null,
              "agent_work": null,
              "periodic_update": null,
              "resolution": {
                "solved": 0,
                "reopens": 0,
                "first_calendar_seconds": {
                  "p50": null,
                  "p90": null,
                  "p95": null,
                  "max": null,
                  "mean": null
                },
                "full_calendar_seconds": {
                  "p50": null,
                  "p90": null,
                  "p95": null,
                  "max": null,
                  "mean": null
                }
              },
              "previous": {
                "tickets": 1,
                "judged": 0,
                "attainment": 92.5,
                "trend_left_out": null
              }
            }
          ],
          "rules": {
            "skips": [
              {
                "ticket": "t-1",
                "channel": "t",
                "agent": "ann",
                "at": "2016-11-14T01:00:00Z",
                "reason": "a\nb\tc"
              }
            ],
            "passed_over": [],
            "cross_assignments": [],
            "wrong_handle": [],
            "outside_zendesk": [],
            "duplicate_responses": [],
            "disqus_reply_tickets_unsolved": [],
            "early_replies": []
          },
          "rules_counts": {
            "skips": 1,
            "passed_over": 0,
            "cross_assignments": 0,
            "wrong_handle": 0,
            "outside_zendesk": 0,
            "duplicate_responses": 0,
            "disqus_reply_tickets_unsolved": 0,
            "early_replies": 0
          },
          "breaches": [
            {
              "ticket": "t-2",
              "channel": "t",
              "created": "2016-11-14T00:00:00Z",
              "deadline": "2016-11-15T00:00:00Z",
              "first_reply": null,
              "late_by_seconds": 518400,
              "assignee": null,
              "url": "https://example.com/t/2"
            }
          ],
          "breach_counts": {
            "total": 1,
            "listed": 1
          },
          "metric_breaches": [],
          "metric_breach_counts": {
            "requester_wait": 0,
            "agent_work": 0,
            "periodic_update": 0
          },
          "agents": [
            {
              "agent": "ann",
              "replies": 2,
              "first_replies": 1,
              "frt_p50_seconds": null,
              "breached_assigned": 0,
              "skips": 1,
              "passed_over_takes": 0,
              "cross_assignments": 0
            }
          ],
          "handles": [],
          "data_quality": {
            "files": [
              {
                "path": "in/e.csv",
                "format": "canonical-events",
                "read": 10,
                "used": 7,
                "duplicates": 1,
                "out_of_window": 1,
                "rejected": 1
              }
            ],
            "totals": {
              "read": 10,
              "used": 7,
              "duplicates": 1,
              "out_of_window": 1,
              "rejected": 1
            },
            "rejected": [
              {
                "path": "in/e.csv",
                "line": 4,
                "reason": "no created event"
              }
            ],
            "unrecognised": [],
            "warnings": [
              {
                "path": "in/e.csv",
                "line": 6,
                "message": "text after a closing quote"
              }
            ],
            "warning_count": 1
          },
          "warnings": [
            {
              "kind": "nobody_on_team",
              "channel": "x",
              "ticket": null,
              "message": "X: 2 tickets, nobody"
            }
          ]
        }

        """#

    @Test func tinyModelMatchesTheHandWrittenDocument() {
        let json = JSONRenderer.render(ReportSamples.tiny)
        #expect(json == Self.tinyExpected)
        if json != Self.tinyExpected {
            let got = json.split(separator: "\n", omittingEmptySubsequences: false)
            let want = Self.tinyExpected.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, (g, w)) in zip(got, want).enumerated() where g != w {
                Issue.record("first difference at line \(index + 1): got \(g) want \(w)")
                break
            }
        }
    }

    @Test func sampleParsesAndKeepsEverything() throws {
        let model = ReportSamples.sample
        let json = JSONRenderer.render(model)
        #expect(json.hasSuffix("}\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let root = try #require(parsed as? [String: Any])
        #expect(root["schema"] as? String == "slareport/1")
        // Breaches are not capped in the JSON.
        let breaches = try #require(root["breaches"] as? [[String: Any]])
        #expect(breaches.count == model.breaches.count)
        #expect(breaches.count > ReportModel.breachListCap)
        // Hostile strings survive the round trip unchanged.
        let agents = try #require(root["agents"] as? [[String: Any]])
        #expect(agents.compactMap { $0["agent"] as? String } == ReportSamples.hostile)
        let rules = try #require(root["rules"] as? [String: Any])
        #expect(
            Set(rules.keys) == [
                "skips", "passed_over", "cross_assignments", "wrong_handle", "outside_zendesk", "duplicate_responses",
                "disqus_reply_tickets_unsolved", "early_replies",
            ])
        let skips = try #require(rules["skips"] as? [[String: Any]])
        #expect(skips.count == 27)
        let duplicates = try #require(rules["duplicate_responses"] as? [[String: Any]])
        #expect(duplicates.first?["gap_seconds"] as? Int == 240)
        // The channel without a target.
        let channels = try #require(root["channels"] as? [[String: Any]])
        let unknown = try #require(channels.last?["first_reply"] as? [String: Any])
        #expect(unknown["target"] is NSNull)
        #expect(unknown["achieved"] is NSNull)
        #expect(unknown["business_seconds"] is NSNull)
        let calendar = try #require(unknown["calendar_seconds"] as? [String: Any])
        #expect(Set(calendar.keys) == ["p50", "p90", "p95", "max", "mean"])
        #expect(calendar["p50"] is NSNull)
        let twitter = try #require(channels[1]["first_reply"] as? [String: Any])
        #expect((twitter["attainment"] as? NSNumber)?.doubleValue == 89.29)
        #expect(channels[1]["next_reply"] is [String: Any])
        #expect(channels[0]["next_reply"] is NSNull)
    }

    @Test func topLevelKeysInSchemaOrder() {
        let json = JSONRenderer.render(ReportSamples.sample)
        let keys = [
            "schema", "tool", "window", "policy", "channels", "rules", "breaches", "metric_breaches",
            "metric_breach_counts", "agents", "handles", "data_quality", "warnings",
        ]
        let positions = keys.map { key in json.range(of: "\n  \"\(key)\": ")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
    }

    @Test func emptyContainersAndDeterminism() {
        var model = ReportSamples.tiny
        model.agents = []
        let json = JSONRenderer.render(model)
        #expect(json.contains("\n  \"agents\": [],\n"))
        #expect(JSONRenderer.render(model) == json)
    }
}
