// Public production post-mortems for the self-assessment's first question: read three, then say
// whether that work sounds interesting or draining. Real, public write-ups; ML ones first.

export interface PostMortem {
  title: string;
  who: string;
  year: number;
  url: string;
  /** One line, ours: what kind of failure it is. */
  what: string;
}

export const POST_MORTEMS: readonly PostMortem[] = [
  {
    title: "A postmortem of three recent issues",
    who: "Anthropic",
    year: 2025,
    url: "https://www.anthropic.com/engineering/a-postmortem-of-three-recent-issues",
    what: "Three separate infrastructure bugs that quietly lowered a model's answer quality for some requests.",
  },
  {
    title: "March 20 ChatGPT outage",
    who: "OpenAI",
    year: 2023,
    url: "https://openai.com/blog/march-20-chatgpt-outage",
    what: "A caching-library bug showed some users other people's chat titles; how it was found and fixed.",
  },
  {
    title: "Details of the Cloudflare outage on July 2, 2019",
    who: "Cloudflare",
    year: 2019,
    url: "https://blog.cloudflare.com/details-of-the-cloudflare-outage-on-july-2-2019/",
    what: "One regular expression in a rules deploy exhausted CPUs worldwide.",
  },
  {
    title: "Postmortem of database outage of January 31",
    who: "GitLab",
    year: 2017,
    url: "https://about.gitlab.com/blog/2017/02/10/postmortem-of-database-outage-of-january-31/",
    what: "A production database deleted by mistake, and backups that turned out not to work.",
  },
  {
    title: "Example postmortem (Site Reliability Engineering)",
    who: "Google",
    year: 2016,
    url: "https://sre.google/sre-book/example-postmortem/",
    what: "A worked example of the blameless format many teams copy.",
  },
];
