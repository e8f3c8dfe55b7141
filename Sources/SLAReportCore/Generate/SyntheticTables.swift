/// The invented people, subjects and places the synthetic exports are made of.
///
/// Names are first/last pairs from many languages; requesters are always decorated (an e-mail address under
/// the reserved `.example` domains, a `@handle`, a forum username with digits), so a requester can never
/// be mistaken for an agent. Subjects hold commas and quotes on purpose: they exercise CSV quoting.
enum SyntheticTables {
    static let firstNames = [
        "amara", "lukas", "priya", "diego", "hannah", "tomasz", "mei", "samuel", "ines", "jonas", "olivia",
        "rafael", "fatima", "kenji", "sofia", "mateo", "aisha", "noah", "elena", "arjun", "chloe", "emeka",
        "ingrid", "yusuf", "clara", "dmitri", "leila", "pablo", "nora", "kwame", "zoe", "henrik", "lucia",
        "omar", "freya", "ravi", "julia", "tariq", "maya", "stefan",
    ]

    static let lastNames = [
        "okafor", "meyer", "raman", "santos", "kowalski", "nowak", "tanaka", "adeyemi", "ferreira", "berg",
        "chen", "morales", "haddad", "sato", "rossi", "garcia", "bello", "jensen", "petrova", "mehta", "dubois",
        "nwosu", "larsen", "demir", "schmidt", "volkov", "nasser", "ruiz", "lindqvist", "mensah", "fischer",
        "hansen", "romero", "farouk", "olsen", "iyer", "wagner", "qureshi", "levi", "novak",
    ]

    /// Mail domains of requesters: RFC 2606 / RFC 6761 reserved names only.
    static let domains = [
        "example.com", "example.org", "example.net", "mail.example.com", "corp.example.org", "dev.example.net",
        "acme.example", "globex.example", "initech.example", "umbrella.example", "hooli.example",
        "wayne.example",
    ]

    /// Play-mode skip reasons (benchmark profile only).
    static let skipReasons = ["", "not sure how to answer", "needs a developer", "competitor mention", "spam"]

    static let regularSubjects = [
        "Can't push over HTTPS, \"HTTP Basic: Access denied\"",
        "Upgrade to 8.13.5 failed: \"PG::UndefinedColumn\"",
        "License renewal, seats and invoice question",
        "LDAP sync not picking up group \"devops\"",
        "502 errors after upgrade to 8.14",
        "GitLab Runner stuck in \"pending\", no jobs picked up",
        "Merge request diffs not loading, timeout after 60s",
        "Backup rake task fails with \"No space left on device\"",
        "How do we migrate from SVN, keeping history?",
        "Repository mirror not updating",
        "Two-factor authentication: locked out, lost recovery codes",
        "Webhooks to Jenkins return 500, \"execution expired\"",
        "Sidekiq memory keeps growing, restart every day",
        "Quote for 250 EE seats, \"Starter\" vs \"Premium\"",
        "Email notifications delayed by several hours",
        "Cannot create project in group: \"Namespace is invalid\"",
        "Geo secondary out of sync",
        "Pages deployment fails, artifacts too large",
        "SAML login loops back to the sign-in page",
        "Container Registry: \"unauthorized: authentication required\"",
        "Elasticsearch indexing stuck at 40%",
        "Omnibus reconfigure fails on RHEL 7, \"chef run failed\"",
        "Import from GitHub hangs at 3,000 issues",
        "Billing: charged twice for November",
        "Slow git clone (1.2 GB repo), any tuning advice?",
        "Protected branches: developers can still force-push?",
    ]

    static let securitySubjects = [
        "Possible XSS in issue title, \"<script>\" rendered in preview",
        "Information disclosure via project export",
        "CSRF on profile settings form",
        "Open redirect in \"redirect_to\" parameter",
        "SSRF via webhook URL pointing at an internal host",
        "Private snippet visible to non-members",
    ]

    static let emergencySubjects = [
        "URGENT: production instance down after upgrade, \"502 Whoops\"",
        "EMERGENCY: all pushes rejected, pre-receive hook failing",
        "Urgent: database migration failed mid-upgrade, instance down",
        "EMERGENCY - Geo primary unreachable, 800 users blocked",
    ]

    static let socialSubjects = [
        "@gitlab is GitLab.com down? Getting 502s",
        "@gitlab love the new issue boards, thanks!",
        "@gitlab how do I enable 2FA for my whole group?",
        "@GitLabSupport pipeline stuck \"pending\" for 2 hours",
        "@gitlab can't log in, \"Invalid login or password\"",
        "@gitlab any ETA on the CI slowness?",
        "@gitlab is there a dark theme? asking for a friend",
        "@gitlab pushing is super slow today, is it just me?",
        "@GitLabStatus all green but my pages site 404s",
    ]

    static let facebookSubjects = [
        "Hi GitLab, how do I delete my account?",
        "Is GitLab CE free for commercial use?",
        "Hello, our team can't see the \"Pipelines\" tab, help?",
        "Do you offer discounts for non-profits, schools or universities?",
        "Message: GitLab.com very slow today",
    ]

    static let disqusSubjects = [
        "Comment on \"GitLab 8.14 Released with Time Tracking Beta, Chat Commands\"",
        "Comment on \"Why we are sticking with Ruby on Rails\"",
        "Comment on \"Announcing the GitLab Issue Board\"",
        "Comment on \"Continuous Integration, Delivery, and Deployment with GitLab\"",
        "Comment on \"GitLab 8.13 Released with Multiple Issue Boards\"",
    ]

    static let trackerSubjects = [
        "Pipeline status badge shows \"unknown\"",
        "Milestone burndown off by one day",
        "GitLab.com: cannot delete fork, \"Project is pending deletion\"",
        "GitLab.com: import from Bitbucket times out",
        "API v3 /projects returns 500 for archived projects",
        "Regression in 8.14: Markdown tables, pipes inside code spans",
        "Todos not marked done after merge",
    ]

    static let communitySubjects = [
        "How to run GitLab behind an nginx reverse proxy, with SSL?",
        "gitlab-ci.yml: cache between stages not working",
        "gitlab/gitlab-ce:latest fails to start, \"permission denied\"",
        "Best way to back up GitLab CE running in Docker?",
        "Is there a way to \"protect\" a tag?",
        "GitLab vs. GitHub for a small team, pros and cons?",
        "Webhook payload missing \"user_email\"",
        "SSH clone asks for a password, keys are set up",
        "Mattermost integration: slash commands not working",
        "How do I move a project between namespaces?",
        "Runner on Windows: \"The system cannot find the file specified\"",
        "Custom \"Error 500\" page?",
    ]
}
