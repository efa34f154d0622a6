// Variant c, the peer: @neo4j/graphql 7 over the same data, in Apollo Server 5.
// R2 and R3 are expressed natively (filters, sorting, limits and connections
// of the generated API); R1, R4, R5 and R6 it cannot express, so Query fields
// hold the floor statements of bench/statements.ts in `@cypher` (wrapped only
// to return one column); the learned rankings (R1, R5, R6) no Cypher can hold, so
// custom Query resolvers run the same floor as a1 (bench/model-floor.ts). Contacts
// keep the API's rule for an anonymous caller: listed once consented, e-mail only
// when PUBLIC — the e-mail through `@cypher`.
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { Database } from '../src/db/database.js';
import { modelLearningFloor, modelPeersFloor } from './model-floor.js';
import { LEARNING_IN_CYPHER, PEERS_IN_CYPHER, REACH_IN_CYPHER } from './statements.js';

const oneColumn = (statement: string, map: string, column: string) => `CALL () {\n${statement}\n}\nRETURN ${map} AS ${column}`;

export const PEER_TYPE_DEFS = `
type Municipality @node {
  ags: String!
  name: String!
  nameKey: String
  state: String
  kind: String
  population: Int
  sizeClass: String
  projects: [Project!]! @relationship(type: "RUNS", direction: OUT, properties: "Runs")
  contacts: [Contact!]! @relationship(type: "WORKS_FOR", direction: IN)
}

type Runs @relationshipProperties {
  role: String!
}

type Project @node {
  id: String!
  name: String!
  nameKey: String
  topics: [Topic!]! @relationship(type: "ADDRESSES", direction: OUT)
  contacts: [Contact!]! @relationship(type: "CONTACT_FOR", direction: IN)
  runners: [Municipality!]! @relationship(type: "RUNS", direction: IN, properties: "Runs")
}

type Topic @node {
  slug: String!
  parent: [Topic!]! @relationship(type: "SUBTOPIC_OF", direction: OUT)
}

type Contact @node {
  id: String!
  name: String!
  nameKey: String
  visibility: String
  consentAt: DateTime
  email: String
    @cypher(
      statement: "RETURN CASE WHEN this.consentAt IS NOT NULL AND this.visibility = 'PUBLIC' THEN this.email END AS email"
      columnName: "email"
    )
}

type SharedTopicHit {
  slug: String!
  weight: Float!
}

type PeerHit {
  ags: String!
  score: Float!
  distanceKm: Float
  sizeClass: String
  sharedTopics: [SharedTopicHit!]!
}

type PeerPage {
  totalCount: Int!
  edges: [PeerHit!]!
}

type MatchedTopicHit {
  slug: String!
  weight: Float!
}

type SolutionHit {
  type: String!
  slug: String!
  status: String!
  runner: String!
  score: Float!
  matched: [MatchedTopicHit!]!
}

type SolutionPage {
  totalCount: Int!
  edges: [SolutionHit!]!
}

type ReachCount {
  key: String
  reached: Int!
  total: Int!
  populationReached: Int!
  populationTotal: Int!
}

type ReachSummary {
  reachedCount: Int!
  municipalities: ReachCount!
  byState: [ReachCount!]!
}

type ModelPeerHit {
  ags: String!
  score: Float!
  distanceKm: Float
}

type ModelPeerPage {
  totalCount: Int!
  edges: [ModelPeerHit!]!
}

type ModelSolutionHit {
  type: String!
  slug: String!
  runner: String!
  status: String!
  score: Float!
}

type ModelSolutionPage {
  totalCount: Int!
  edges: [ModelSolutionHit!]!
}

type Query {
  modelPeers(ags: String!, first: Int!, interests: [String!]! = []): ModelPeerPage
  modelLearningPartners(ags: String!, first: Int!): ModelSolutionPage
  peers(ags: String!, first: Int!, interests: [String!]! = []): PeerPage
    @cypher(statement: """${oneColumn(PEERS_IN_CYPHER, '{totalCount: totalCount, edges: edges}', 'page')}""", columnName: "page")
  learningPartners(ags: String!, first: Int!, interests: [String!]! = []): SolutionPage
    @cypher(statement: """${oneColumn(LEARNING_IN_CYPHER, '{totalCount: totalCount, edges: edges}', 'page')}""", columnName: "page")
  reach(ags: String!, asOf: String!): ReachSummary
    @cypher(statement: """${oneColumn(REACH_IN_CYPHER, '{reachedCount: reachedCount, municipalities: municipalities, byState: byState}', 'reach')}""", columnName: "reach")
}
`;

export function peerSchema(driver: Driver) {
  const db = new Database(driver, { database: 'neo4j', timeoutMs: 120_000 });
  const resolvers = {
    Query: {
      modelPeers: (_: unknown, args: { ags: string; first: number; interests: string[] }) => modelPeersFloor(db, args.ags, args.interests, args.first),
      modelLearningPartners: (_: unknown, args: { ags: string; first: number }) => modelLearningFloor(db, args.ags, args.first),
    },
  };
  return new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver, resolvers }).getSchema();
}
