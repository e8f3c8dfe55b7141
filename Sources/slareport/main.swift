import SLAReportCore

print("slareport")
