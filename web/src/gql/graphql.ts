/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The four kinds of link between municipalities that the transfer office's network dashboard records. */
export type ExchangeKind =
  /** The two develop a solution together. */
  | 'JOINT_DEVELOPMENT'
  /** The two exchange knowledge and experience. */
  | 'KNOWLEDGE_EXCHANGE'
  /** One municipality serves the other as a role model. */
  | 'ROLE_MODEL'
  /** A solution is transferred from one to the other. */
  | 'TRANSFER';

/** How far a measure has got, derived from the words of its source (kept in `Measure.statusWording`). */
export type MeasureStatus =
  /** In operation, installed, opened or finished. */
  | 'IMPLEMENTED'
  /** Being built, tested or rolled out. */
  | 'IN_PROGRESS'
  /** Decided, announced or planned; not yet started. */
  | 'PLANNED'
  /** The source does not say, or says something that fits none of the above. */
  | 'UNKNOWN';

/** What a territorial unit is in the official register. */
export type MunicipalityKind =
  /** A Gemeinde within a Kreis; AGS of 8 digits. */
  | 'GEMEINDE'
  /** A city that belongs to no Kreis (kreisfreie Stadt, Stadtkreis). */
  | 'KREISFREIE_STADT'
  /** A Land (federal state); AGS of 2 digits. */
  | 'LAND'
  /** A Landkreis, Kreis or Regionalverband; AGS of 5 digits. */
  | 'LANDKREIS'
  /** A town (Stadt) within a Kreis; AGS of 8 digits. */
  | 'STADT'
  /** A Gemeindeverband (Amt, Verbandsgemeinde, Samtgemeinde, …): several Gemeinden that share an administration; 9-digit key. */
  | 'VERBAND';

/** How a municipality takes part in a project. */
export type RunnerRole =
  /** Leads the project (applicant, coordinator). */
  | 'LEAD'
  /** Takes part as a partner. */
  | 'PARTNER';

/** Size class by population, as the federal statistics use it. */
export type SizeClass =
  /** 100,000 inhabitants or more. */
  | 'GROSSSTADT'
  /** 5,000 to 19,999 inhabitants. */
  | 'KLEINSTADT'
  /** Fewer than 5,000 inhabitants. */
  | 'LANDGEMEINDE'
  /** 20,000 to 99,999 inhabitants. */
  | 'MITTELSTADT';

/** Degree of urbanisation (EU DEGURBA) as the register records it for a Gemeinde. */
export type Urbanisation =
  /** Densely populated (cities). */
  | 'DENSE'
  /** Intermediate density (towns and suburbs). */
  | 'INTERMEDIATE'
  /** Thinly populated (rural areas). */
  | 'THIN';

export type MunicipalityPageQueryVariables = Exact<{
  ags: string;
}>;


export type MunicipalityPageQuery = { municipality: { ags: string, name: string, kind: MunicipalityKind, population: number | null, sizeClass: SizeClass | null, urbanisation: Urbanisation | null, kreis: { ags: string, name: string } | null, land: { name: string } | null, topics: Array<{ slug: string, name: string }>, projects: { totalCount: number, edges: Array<{ role: RunnerRole, node: { slug: string, name: string, sources: Array<string>, measures: Array<{ slug: string, name: string, status: MeasureStatus, statusAsOf: string | null, sources: Array<{ url: string }> }> } }> }, eventsAttended: Array<{ slug: string, title: string, startsOn: string | null }>, eventsHosted: Array<{ slug: string, title: string, startsOn: string | null }>, exchanges: Array<{ kind: ExchangeKind, since: string | null, topicWording: string | null, partner: { ags: string, name: string }, sources: Array<{ url: string }> }>, contacts: Array<{ uuid: string, name: string, role: string | null, email: string | null, phone: string | null }> } | null };

export type SearchQueryVariables = Exact<{
  text: string;
}>;


export type SearchQuery = { search: Array<{ score: number, node:
      | { __typename: 'Contact' }
      | { __typename: 'Event', slug: string, title: string }
      | { __typename: 'Measure', slug: string, name: string, status: MeasureStatus }
      | { __typename: 'Municipality', ags: string, name: string, kind: MunicipalityKind, kreis: { name: string } | null, land: { name: string } | null }
      | { __typename: 'Organization' }
      | { __typename: 'Project', slug: string, name: string }
      | { __typename: 'Topic', slug: string, name: string }
     }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const MunicipalityPageDocument = new TypedDocumentString(`
    query MunicipalityPage($ags: String!) {
  municipality(ags: $ags) {
    ags
    name
    kind
    population
    sizeClass
    urbanisation
    kreis {
      ags
      name
    }
    land {
      name
    }
    topics {
      slug
      name
    }
    projects(first: 50) {
      totalCount
      edges {
        role
        node {
          slug
          name
          sources
          measures {
            slug
            name
            status
            statusAsOf
            sources {
              url
            }
          }
        }
      }
    }
    eventsAttended {
      slug
      title
      startsOn
    }
    eventsHosted {
      slug
      title
      startsOn
    }
    exchanges {
      kind
      partner {
        ags
        name
      }
      since
      topicWording
      sources {
        url
      }
    }
    contacts {
      uuid
      name
      role
      email
      phone
    }
  }
}
    `) as unknown as TypedDocumentString<MunicipalityPageQuery, MunicipalityPageQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!) {
  search(
    text: $text
    types: [MUNICIPALITY, PROJECT, MEASURE, TOPIC, EVENT]
    first: 30
  ) {
    score
    node {
      __typename
      ... on Municipality {
        ags
        name
        kind
        kreis {
          name
        }
        land {
          name
        }
      }
      ... on Project {
        slug
        name
      }
      ... on Measure {
        slug
        name
        status
      }
      ... on Topic {
        slug
        name
      }
      ... on Event {
        slug
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;